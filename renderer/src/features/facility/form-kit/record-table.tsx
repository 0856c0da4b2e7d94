/**
 * The frame of a record list table (facilities, alleged perpetrators): a scroller, the
 * caption and one header cell per column; the rows are the caller's. Runs on the main thread.
 * Presentational.
 */
import type { ReactNode } from 'react';

export interface RecordTableProps {
  caption: string;
  /** Column headings, in order. */
  columns: readonly string[];
  /** The `<tr>` rows. */
  children: ReactNode;
}

/** A captioned table with a header row, scrolling sideways when narrow. */
export function RecordTable({ caption, columns, children }: RecordTableProps) {
  return (
    <div className="record-table__scroller">
      <table className="record-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
