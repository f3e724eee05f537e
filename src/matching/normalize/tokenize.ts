/**
 * Splitting a name into words. Apostrophes join (`O'Brien`, `Grigor'yevich`, `Ком'яков`), dots
 * join runs of single letters (`S.A.`, `L.L.C.`, `o.o.`) and otherwise separate, everything that is
 * not a letter, digit or mark separates. Stress accents and Arabic/Hebrew vowel points are dropped
 * here: they are not part of the spelling.
 */

export interface RawToken {
  /** NFKC text in the original case. */
  text: string;
  /** A comma came right after this token (surname-first form `LUKASHENKO, Alexander`). */
  commaAfter: boolean;
}

const APOSTROPHES = new Set(["'", '’', 'ʼ', 'ʹ', 'ʺ', '`', '´', '‘', 'ʻ', 'ʽ']);
const WORD = /[\p{L}\p{N}\p{M}]/u;
const wordCache = new Map<string, boolean>();

function isWordChar(char: string, code: number): boolean {
  if (code < 0x80) {
    return (
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x30 && code <= 0x39)
    );
  }
  let known = wordCache.get(char);
  if (known === undefined) {
    known = WORD.test(char);
    wordCache.set(char, known);
  }
  return known;
}

/** Marks that are pronunciation aids, not spelling: stress accents, harakat, niqqud, tatweel. */
function isDroppedMark(code: number): boolean {
  return (
    code === 0x0300 ||
    code === 0x0301 ||
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670 ||
    code === 0x0640 ||
    (code >= 0x0591 && code <= 0x05bd) ||
    (code >= 0x05bf && code <= 0x05c7 && code !== 0x05c0 && code !== 0x05c3 && code !== 0x05c6)
  );
}

export function tokenize(raw: string): RawToken[] {
  const text = raw.normalize('NFKC');
  const tokens: RawToken[] = [];
  // Segments of the current "dotted word": letters separated only by dots ("S.A.", "J.Smith").
  let segments: string[] = [];
  let current = '';

  const endSegment = (): void => {
    if (current.length > 0) segments.push(current);
    current = '';
  };
  const endWord = (): void => {
    endSegment();
    // Runs of single-letter segments are one abbreviation ("L.L.C." → LLC, "o.o." → oo);
    // longer segments stay words of their own ("J.Smith" → J, Smith).
    let run = '';
    for (const segment of segments) {
      if ([...segment].length === 1) {
        run += segment;
        continue;
      }
      if (run) tokens.push({ text: run, commaAfter: false });
      run = '';
      tokens.push({ text: segment, commaAfter: false });
    }
    if (run) tokens.push({ text: run, commaAfter: false });
    segments = [];
  };

  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (isDroppedMark(code)) continue;
    if (isWordChar(char, code)) current += char;
    else if (APOSTROPHES.has(char)) continue;
    else if (char === '.') endSegment();
    else {
      endWord();
      if (char === ',' || char === '،' || char === '，') {
        const last = tokens[tokens.length - 1];
        if (last) last.commaAfter = true;
      }
    }
  }
  endWord();
  return tokens;
}
