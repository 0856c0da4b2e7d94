/**
 * Matching the words of one name to the words of another. Names are short (a handful of
 * words), so exact search is affordable; beyond EXACT_LIMIT words a greedy pass keeps the
 * worst case bounded whatever a record holds.
 */
import { TOKEN_MATCH } from './phonetic-token';

/** Matched words: the mean similarity of the pairs, and how many words of the longer name were left over. */
export interface Alignment {
  readonly score: number;
  readonly unmatched: number;
}

const EXACT_LIMIT = 6;

/** sims[i][j]: similarity of word i of the shorter name and word j of the longer. */
export type SimilarityMatrix = readonly (readonly number[])[];

/** Builds the matrix for two word lists; rows are the shorter list. */
export function similarityMatrix<T>(a: readonly T[], b: readonly T[], similarity: (x: T, y: T) => number): SimilarityMatrix {
  const [rows, cols] = a.length <= b.length ? [a, b] : [b, a];
  return rows.map((row) => cols.map((col) => similarity(row, col)));
}

const at = (sims: SimilarityMatrix, i: number, j: number) => sims[i]?.[j] ?? 0;

/** Same number of words, each matching the word in the same place. */
export function alignInOrder(sims: SimilarityMatrix): Alignment | null {
  const rows = sims.length;
  const cols = sims[0]?.length ?? 0;
  if (rows === 0 || rows !== cols) return null;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const similarity = at(sims, i, i);
    if (similarity < TOKEN_MATCH) return null;
    total += similarity;
  }
  return { score: total / rows, unmatched: 0 };
}

/**
 * Every word of the shorter name matched to a different word of the longer, in any order,
 * maximising the total similarity.
 */
export function alignUnordered(sims: SimilarityMatrix): Alignment | null {
  const rows = sims.length;
  const cols = sims[0]?.length ?? 0;
  if (rows === 0) return null;
  let best = -1;
  if (rows <= EXACT_LIMIT && cols <= EXACT_LIMIT) {
    const used = new Array<boolean>(cols).fill(false);
    const search = (i: number, total: number): void => {
      if (i === rows) {
        best = Math.max(best, total);
        return;
      }
      for (let j = 0; j < cols; j++) {
        const similarity = at(sims, i, j);
        if (used[j] || similarity < TOKEN_MATCH) continue;
        used[j] = true;
        search(i + 1, total + similarity);
        used[j] = false;
      }
    };
    search(0, 0);
  } else {
    const used = new Set<number>();
    let total = 0;
    for (let i = 0; i < rows; i++) {
      let pick = -1;
      for (let j = 0; j < cols; j++) if (!used.has(j) && at(sims, i, j) >= TOKEN_MATCH && (pick < 0 || at(sims, i, j) > at(sims, i, pick))) pick = j;
      if (pick < 0) return null;
      used.add(pick);
      total += at(sims, i, pick);
    }
    best = total;
  }
  return best < 0 ? null : { score: best / rows, unmatched: cols - rows };
}

/**
 * The shorter name's words appear in the longer one in the same order, its first word
 * matching the longer name's first word (a given name omitted in the middle, never at the
 * start: "Ahmad Nizar Haddad" is Nizar Haddad's son, not Nizar Haddad).
 */
export function alignOrderedSubset(sims: SimilarityMatrix): Alignment | null {
  const rows = sims.length;
  const cols = sims[0]?.length ?? 0;
  if (rows === 0 || rows > cols || at(sims, 0, 0) < TOKEN_MATCH) return null;
  // best[i][j]: best total matching rows i.. to columns j.. in order; computed backwards.
  const best: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(-Infinity));
  for (let j = 0; j <= cols; j++) (best[rows] as number[])[j] = 0;
  for (let i = rows - 1; i >= 1; i--) {
    for (let j = cols - 1; j >= 1; j--) {
      const skip = best[i]?.[j + 1] ?? -Infinity;
      const similarity = at(sims, i, j);
      const take = similarity >= TOKEN_MATCH ? similarity + (best[i + 1]?.[j + 1] ?? -Infinity) : -Infinity;
      (best[i] as number[])[j] = Math.max(skip, take);
    }
  }
  const total = at(sims, 0, 0) + (rows === 1 ? 0 : (best[1]?.[1] ?? -Infinity));
  return Number.isFinite(total) ? { score: total / rows, unmatched: cols - rows } : null;
}
