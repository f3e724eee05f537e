/**
 * ISO 15924 script of a code point, by block. Only letter blocks are listed: digits, punctuation
 * and combining marks have no script and do not vote.
 */

// [first, last, script], sorted by first code point.
const RANGES: readonly (readonly [number, number, string])[] = [
  [0x0041, 0x005a, 'Latn'],
  [0x0061, 0x007a, 'Latn'],
  [0x00aa, 0x00aa, 'Latn'],
  [0x00ba, 0x00ba, 'Latn'],
  [0x00c0, 0x00d6, 'Latn'],
  [0x00d8, 0x00f6, 'Latn'],
  [0x00f8, 0x024f, 'Latn'],
  [0x0250, 0x02af, 'Latn'],
  [0x0370, 0x03ff, 'Grek'],
  [0x0400, 0x052f, 'Cyrl'],
  [0x0531, 0x058f, 'Armn'],
  [0x0590, 0x05ff, 'Hebr'],
  [0x0600, 0x06ff, 'Arab'],
  [0x0700, 0x074f, 'Syrc'],
  [0x0750, 0x077f, 'Arab'],
  [0x0780, 0x07bf, 'Thaa'],
  [0x08a0, 0x08ff, 'Arab'],
  [0x0900, 0x097f, 'Deva'],
  [0x0980, 0x09ff, 'Beng'],
  [0x0a00, 0x0a7f, 'Guru'],
  [0x0a80, 0x0aff, 'Gujr'],
  [0x0b80, 0x0bff, 'Taml'],
  [0x0c00, 0x0c7f, 'Telu'],
  [0x0d00, 0x0d7f, 'Mlym'],
  [0x0d80, 0x0dff, 'Sinh'],
  [0x0e00, 0x0e7f, 'Thai'],
  [0x0e80, 0x0eff, 'Laoo'],
  [0x0f00, 0x0fff, 'Tibt'],
  [0x1000, 0x109f, 'Mymr'],
  [0x10a0, 0x10ff, 'Geor'],
  [0x1100, 0x11ff, 'Hang'],
  [0x1200, 0x139f, 'Ethi'],
  [0x1780, 0x17ff, 'Khmr'],
  [0x1800, 0x18af, 'Mong'],
  [0x1c80, 0x1c8f, 'Cyrl'],
  [0x1e00, 0x1eff, 'Latn'],
  [0x1f00, 0x1fff, 'Grek'],
  [0x2de0, 0x2dff, 'Cyrl'],
  [0x3040, 0x309f, 'Hira'],
  [0x30a0, 0x30ff, 'Kana'],
  [0x3130, 0x318f, 'Hang'],
  [0x3400, 0x4dbf, 'Hani'],
  [0x4e00, 0x9fff, 'Hani'],
  [0xa640, 0xa69f, 'Cyrl'],
  [0xa720, 0xa7ff, 'Latn'],
  [0xac00, 0xd7af, 'Hang'],
  [0xf900, 0xfaff, 'Hani'],
  [0xfb1d, 0xfb4f, 'Hebr'],
  [0xfb50, 0xfdff, 'Arab'],
  [0xfe70, 0xfeff, 'Arab'],
  [0x20000, 0x2fa1f, 'Hani'],
];

/** The script of one code point, or undefined for non-letters and unlisted blocks. */
export function scriptOf(code: number): string | undefined {
  if (code < 0x41) return undefined;
  if (code <= 0x7a) return code <= 0x5a || code >= 0x61 ? 'Latn' : undefined;
  let lo = 0;
  let hi = RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = RANGES[mid] as readonly [number, number, string];
    if (code < range[0]) hi = mid - 1;
    else if (code > range[1]) lo = mid + 1;
    else return range[2];
  }
  return undefined;
}

const scriptCache = new Map<string, string>();

/** The majority script of a string's letters ('Zyyy' when it has none). */
export function dominantScript(text: string): string {
  let ascii = true;
  let letters = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      ascii = false;
      break;
    }
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) letters = true;
  }
  if (ascii) return letters ? 'Latn' : 'Zyyy';
  let cached = scriptCache.get(text);
  if (cached === undefined) {
    cached = countScripts(text);
    if (scriptCache.size >= 100_000) scriptCache.clear();
    scriptCache.set(text, cached);
  }
  return cached;
}

function countScripts(text: string): string {
  const counts = new Map<string, number>();
  for (const char of text) {
    const script = scriptOf(char.codePointAt(0) ?? 0);
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best = 'Zyyy';
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}
