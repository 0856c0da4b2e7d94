/**
 * A long list drawn a window at a time: only the rows in view (and a few around them) are in
 * the DOM, each at a fixed height, so 10,000 testimonies scroll as smoothly as 10. Arrow keys,
 * Page Up/Down, Home and End move focus from row to row (scrolling as needed), so the whole
 * list is reachable from the keyboard even though most rows are not rendered.
 *
 * Presentational: the caller renders each row; the element with `data-row-focus` in it gets
 * focus when the keyboard moves to that row.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface VirtualRowsProps<T> {
  items: readonly T[];
  /** Height of every row, in pixels (rows must not grow). */
  rowHeight: number;
  /** Height of the scrolling area, in pixels. */
  height: number;
  /** Accessible name of the list. */
  label: string;
  rowKey(item: T): string;
  renderRow(item: T, index: number): ReactNode;
  /** Rows drawn beyond each edge of the view. */
  overscan?: number;
}

/** The scrolling window and its rows. */
export function VirtualRows<T>({ items, rowHeight, height, label, rowKey, renderRow, overscan = 8 }: VirtualRowsProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const frame = useRef(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  const onScroll = () => {
    // One state update per frame, whatever the scroll event rate.
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      setScrollTop(scroller.current?.scrollTop ?? 0);
    });
  };
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const focusRow = useCallback((index: number) => {
    const element = scroller.current?.querySelector<HTMLElement>(`[data-row-index="${index}"] [data-row-focus]`);
    if (element) {
      element.focus();
      pendingFocus.current = null;
    } else {
      pendingFocus.current = index;
    }
  }, []);
  // A row scrolled into the window by the keyboard gets focus once it is drawn.
  useEffect(() => {
    if (pendingFocus.current !== null) focusRow(pendingFocus.current);
  });

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(items.length - 1, index));
    const element = scroller.current;
    if (element) {
      const top = target * rowHeight;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + height) element.scrollTop = top + rowHeight - height;
      setScrollTop(element.scrollTop);
    }
    focusRow(target);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    if (!row) return;
    const index = Number(row.dataset['rowIndex']);
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: items.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    moveTo(to);
  };

  const rows: ReactNode[] = [];
  for (let index = first; index < last; index += 1) {
    const item = items[index];
    if (item === undefined) continue;
    rows.push(
      <li key={rowKey(item)} data-row-index={index} aria-posinset={index + 1} aria-setsize={items.length} className="virtual-rows__row" style={{ insetBlockStart: index * rowHeight, blockSize: rowHeight }}>
        {renderRow(item, index)}
      </li>,
    );
  }
  return (
    <div ref={scroller} className="virtual-rows" style={{ blockSize: height }} onScroll={onScroll} onKeyDown={onKeyDown}>
      <ul aria-label={label} className="virtual-rows__list" style={{ blockSize: items.length * rowHeight }}>
        {rows}
      </ul>
    </div>
  );
}
