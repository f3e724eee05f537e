/**
 * The ISO 15924 script a name is written in, from its letters. Lists rarely say the script (the EU
 * gives a language, the UN an "original script" field), but a matcher needs it to pick a
 * transliteration. The majority script of the letters wins, so a Cyrillic name with a Latin
 * look-alike (`Сергiй`, common in the EU list) is still `Cyrl`. Digits, punctuation and combining
 * marks (stress accents) do not count.
 */

// [first code point, last code point, script] sorted by first code point; only letter blocks.
const RANGES: readonly (readonly [number, number, string])[] = [
  [0x0041, 0x005a, 'Latn'],
  [0x0061, 0x007a, 'Latn'],
  [0x00aa, 0x00aa, 'Latn'],
  [0x00ba, 0x00ba, 'Latn'],
  [0x00c0, 0x024f, 'Latn'],
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
  [0x1c90, 0x1cbf, 'Geor'],
  [0x1e00, 0x1eff, 'Latn'],
  [0x1f00, 0x1fff, 'Grek'],
  [0x2c00, 0x2c5f, 'Glag'],
  [0x2c60, 0x2c7f, 'Latn'],
  [0x2de0, 0x2dff, 'Cyrl'],
  [0x3040, 0x309f, 'Hira'],
  [0x30a0, 0x30ff, 'Kana'],
  [0x3100, 0x312f, 'Bopo'],
  [0x3130, 0x318f, 'Hang'],
  [0x3400, 0x4dbf, 'Hani'],
  [0x4e00, 0x9fff, 'Hani'],
  [0xa640, 0xa69f, 'Cyrl'],
  [0xa720, 0xa7ff, 'Latn'],
  [0xac00, 0xd7af, 'Hang'],
  [0xf900, 0xfaff, 'Hani'],
  [0xfb00, 0xfb06, 'Latn'],
  [0xfb1d, 0xfb4f, 'Hebr'],
  [0xfb50, 0xfdff, 'Arab'],
  [0xfe70, 0xfeff, 'Arab'],
  [0xff21, 0xff3a, 'Latn'],
  [0xff41, 0xff5a, 'Latn'],
  [0x20000, 0x3134f, 'Hani'],
];

// Code points that sit inside a letter block but are not letters of that script.
function isNeutral(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) || // combining diacritics (stress accents)
    cp === 0x00d7 ||
    cp === 0x00f7 ||
    (cp >= 0x0483 && cp <= 0x0489) || // Cyrillic combining marks
    (cp >= 0x0600 && cp <= 0x061f) || // Arabic punctuation and signs
    (cp >= 0x064b && cp <= 0x065f) || // Arabic harakat
    (cp >= 0x0660 && cp <= 0x0669) // Arabic-Indic digits
  );
}

/**
 * The scripts, numbered from 1 in first-appearance order in `RANGES`, and a table giving every BMP
 * code point's script number (0: not a letter we count). Every name of every list goes through
 * `detectScript`, so a lookup per character replaces a range search and a string-keyed Map. The
 * only astral range (CJK extensions, Hani) is checked directly.
 */
const SCRIPT_NAMES: string[] = [''];
const SCRIPT_NUMBER = new Map<string, number>();
for (const [, , script] of RANGES) {
  if (!SCRIPT_NUMBER.has(script)) {
    SCRIPT_NUMBER.set(script, SCRIPT_NAMES.length);
    SCRIPT_NAMES.push(script);
  }
}
const BMP_SCRIPT = new Uint8Array(0x10000);
for (const [first, last, script] of RANGES) {
  const number = SCRIPT_NUMBER.get(script) ?? 0;
  for (let cp = first; cp <= Math.min(last, 0xffff); cp++) {
    if (!isNeutral(cp)) BMP_SCRIPT[cp] = number;
  }
}
const ASTRAL_HANI_FIRST = 0x20000;
const ASTRAL_HANI_LAST = 0x3134f;
const HANI = SCRIPT_NUMBER.get('Hani') ?? 0;
const HIRA = SCRIPT_NUMBER.get('Hira') ?? 0;
const KANA = SCRIPT_NUMBER.get('Kana') ?? 0;
const LATN = SCRIPT_NUMBER.get('Latn') ?? 0;

/**
 * The majority ISO 15924 script of the letters in `text`, or undefined when it has no letters.
 * Japanese comes back as `Jpan` (kana, or kanji with kana); see `majorityScript` for the letter
 * blocks alone. Lists tag names with it; the matcher reads each token's `majorityScript`.
 */
export function detectScript(text: string): string | undefined {
  const best = majorityScriptNumber(text);
  if (best === 0) return undefined;
  // Japanese mixes kana and kanji: call any kana-bearing name Japanese rather than Han.
  if (best === HANI && (counts[HIRA] !== 0 || counts[KANA] !== 0)) return 'Jpan';
  if (best === HIRA || best === KANA) return 'Jpan';
  return SCRIPT_NAMES[best];
}

/** The script with the most letters in `text` (`Hira`, `Kana`, `Hani` as they are), or undefined. */
export function majorityScript(text: string): string | undefined {
  const best = majorityScriptNumber(text);
  return best === 0 ? undefined : SCRIPT_NAMES[best];
}

/**
 * Letters per script number of the last `majorityScriptNumber` call that got past the Latin fast
 * path (scratch, cleared on each such call: no allocation per name).
 */
const counts = new Uint32Array(SCRIPT_NAMES.length);

function majorityScriptNumber(text: string): number {
  const length = text.length;
  // Fast path: most names in most lists are Latin, plain ASCII or Latin-1/Latin Extended (below
  // U+0250 every counted letter is Latin, and only letters count).
  let latinOnly = true;
  let hasLetter = false;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x250) {
      latinOnly = false;
      break;
    }
    if (!hasLetter && BMP_SCRIPT[c] === LATN) hasLetter = true;
  }
  if (latinOnly) return hasLetter ? LATN : 0;

  // Counts per script number, and the scripts in the order first seen: a tie goes to the script
  // seen first.
  counts.fill(0);
  const order: number[] = [];
  for (let i = 0; i < length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const script =
      cp <= 0xffff
        ? (BMP_SCRIPT[cp] ?? 0)
        : cp >= ASTRAL_HANI_FIRST && cp <= ASTRAL_HANI_LAST
          ? HANI
          : 0;
    if (script === 0) continue;
    if (counts[script] === 0) order.push(script);
    counts[script] = (counts[script] ?? 0) + 1;
  }
  let best = 0;
  let bestCount = 0;
  for (const script of order) {
    const count = counts[script] ?? 0;
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}
