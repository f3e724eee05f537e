/**
 * Levenshtein edit distance with one reusable row buffer (no allocation per call once warm), and
 * a similarity normalised by the longer length.
 */

let row = new Int32Array(64);

/** Edit distance (insert, delete, substitute; each costs 1). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let s = a;
  let t = b;
  // Keep the shorter string in the row: the buffer is sized by it.
  if (s.length > t.length) {
    s = b;
    t = a;
  }
  const ls = s.length;
  const lt = t.length;
  if (ls === 0) return lt;
  if (row.length < ls + 1) row = new Int32Array(Math.max(ls + 1, row.length * 2));
  for (let i = 0; i <= ls; i++) row[i] = i;
  for (let j = 1; j <= lt; j++) {
    let diagonal = row[0]!;
    row[0] = j;
    const ct = t.charCodeAt(j - 1);
    for (let i = 1; i <= ls; i++) {
      const above = row[i]!;
      const cost = s.charCodeAt(i - 1) === ct ? 0 : 1;
      const best = Math.min(above + 1, row[i - 1]! + 1, diagonal + cost);
      row[i] = best;
      diagonal = above;
    }
  }
  return row[ls]!;
}

/** 1 - distance / longer length, in 0..1. */
export function levenshteinSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - levenshtein(a, b) / longer;
}
