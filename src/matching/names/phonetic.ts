/**
 * A coarse phonetic skeleton of a romanised token, written for transliterated names: vowels after
 * the first letter dropped, voiced/unvoiced and look-alike consonants merged, doubles collapsed.
 * `lukashenko`, `lukashenka` and `lukasjenka` share `LKXNK`. It is cheap, and it is what the
 * index uses as one of its keys, so it must stay deterministic and allocation-light.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Multi-letter spellings first (longest match), then single letters. */
const DIGRAPHS: readonly (readonly [string, string])[] = [
  ['shch', 'X'],
  ['sch', 'X'],
  ['tsch', 'C'],
  ['tch', 'C'],
  ['ch', 'C'],
  ['cz', 'C'],
  ['sh', 'X'],
  ['sz', 'X'],
  ['sj', 'X'],
  ['zh', 'J'],
  ['kh', 'H'],
  ['ts', 'S'],
  ['tz', 'S'],
  ['ph', 'F'],
  ['th', 'T'],
  ['ck', 'K'],
  ['dz', 'S'],
  ['gh', 'G'],
];

const SINGLE: Readonly<Record<string, string>> = {
  b: 'P',
  p: 'P',
  c: 'K',
  k: 'K',
  q: 'K',
  g: 'K',
  d: 'T',
  t: 'T',
  f: 'F',
  v: 'F',
  w: 'F',
  s: 'S',
  z: 'S',
  x: 'KS',
  j: 'J',
  h: 'H',
  l: 'L',
  m: 'M',
  n: 'N',
  r: 'R',
};

/**
 * Memo of computed skeletons: the vocabulary of names is small next to the number of lookups
 * (every list and query token). Bounded so a long-running service cannot grow it without limit.
 */
const memo = new Map<string, string>();
const MEMO_LIMIT = 200_000;

/** `u` after a, e or o and before a consonant or the end: Belarusian ŭ written without its breve. */
function isDiphthongU(token: string, i: number): boolean {
  const before = token[i - 1];
  if (before !== 'o' && before !== 'a' && before !== 'e') return false;
  const after = token[i + 1];
  return after === undefined || !VOWELS.has(after);
}

/** Vowels before a final glide `j` (see `isGlideJ`); not `a` or `u`. */
const GLIDE_VOWELS = new Set(['e', 'i', 'o', 'y']);

/**
 * `j` as the glide that English spellings write `y`, at the end of a word after e, i, o or y
 * (`Sokolovskij`/`Sokolovskiy`, `Sergej`/`Sergey`, `Tolstoj`/`Tolstoy`). Not after a or u, where
 * Arabic names end in ج (`Faraj`, `Siraj`, `A'raj`); not inside a word, where French writes ж
 * (`Ryjkov`, Рыжков); not at the start, where English `j` is a consonant (`Julie`, `Joseph`).
 * Each of those readings was tried and flagged more of yente's synthetic negatives.
 */
function isGlideJ(token: string, i: number): boolean {
  return i > 0 && i === token.length - 1 && GLIDE_VOWELS.has(token[i - 1]!);
}

export function phoneticKey(token: string): string {
  const known = memo.get(token);
  if (known !== undefined) return known;
  const key = computePhoneticKey(token);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(token, key);
  return key;
}

function computePhoneticKey(token: string): string {
  let out = '';
  let last = '';
  let i = 0;
  const length = token.length;
  while (i < length) {
    let code = '';
    let step = 1;
    for (const [from, to] of DIGRAPHS) {
      if (token.startsWith(from, i)) {
        code = to;
        step = from.length;
        break;
      }
    }
    if (code === '') {
      const ch = token[i]!;
      if (ch === 'u' && i > 1 && isDiphthongU(token, i)) {
        // Belarusian ŭ (`Piatrou`, `Sakalouski`, `Shautsou`) is the Russian v (`Petrov`).
        code = 'F';
      } else if (ch === 'j' && isGlideJ(token, i)) {
        // A final glide `j` (`Nikolaj`): a vowel, as `y` is.
        last = '';
      } else if (VOWELS.has(ch)) {
        // Keep a leading vowel as one class ('A'): `Ivan` and `Ewan` differ at the start.
        code = i === 0 ? 'A' : '';
        if (i > 0) last = '';
      } else {
        code = SINGLE[ch] ?? '';
      }
    }
    if (code !== '' && code !== last) out += code;
    if (code !== '') last = code;
    i += step;
  }
  return out;
}
