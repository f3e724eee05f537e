/**
 * Word-level phrase matching across scripts, for the risk rules. A text (an employer, a position)
 * and a rule pattern are both read the way the matcher reads names (`analyzeName`: look-alike
 * letters repaired, case and diacritics folded, Cyrillic romanised under the systems documents
 * use), and a pattern fires when its words appear as consecutive words of the text in some common
 * Latin reading. So 'МВД' fires on 'MVD', 'КГБ' on 'KGB' and 'Минобороны' on 'Minoborony', while
 * 'ARMY' never fires inside 'HARMONY'.
 *
 * Words are compared by their full Latin readings, not by the matcher's coarser spelling keys:
 * those merge `офицер` with `officer`, and a chief financial officer is no military officer.
 */
import { analyzeName } from '../../matching/normalize/index.js';
import { ValidationError } from '../../shared/errors.js';

/** One word of a text: as written (case-folded, own script) and its Latin readings. */
export interface TextWord {
  readonly word: string;
  readonly readings: ReadonlySet<string>;
}

interface PatternWord {
  readonly readings: readonly string[];
  /** Written with a trailing `*`: matches any word that starts with it (inflected forms). */
  readonly prefix: boolean;
}

export interface CompiledPattern {
  readonly source: string;
  readonly words: readonly PatternWord[];
}

/**
 * Read as organisation names are: legal forms (`ООО`, `LLC`) are dropped, honorifics and ranks
 * are kept (a person-style reading would drop `General` and `полковник`, which rules look for).
 */
const READ_AS = { schema: 'Organization' } as const;

/** A `*` word needs this many letters before it, or it would match half the dictionary. */
const MIN_PREFIX_LENGTH = 3;

/** The words of a text with their Latin readings, in order. */
export function analyzeText(text: string): TextWord[] {
  const analyzed = analyzeName(text, READ_AS);
  return analyzed.tokens.map((word, position) => ({
    word,
    readings: readingsAt(analyzed.latinVariants, position, word),
  }));
}

function readingsAt(
  variants: readonly (readonly string[])[],
  position: number,
  word: string,
): Set<string> {
  const readings = new Set<string>();
  for (const variant of variants) {
    const reading = variant[position];
    if (reading !== undefined && reading !== '') readings.add(reading);
  }
  // A word with no Latin reading at all (a symbol) can still match itself.
  if (readings.size === 0) readings.add(word);
  return readings;
}

/**
 * Compiles a rule pattern: words separated by spaces, each optionally ending in `*` to match any
 * word starting with it (`Министерств* обороны` covers `Министерства обороны`). Each word is read
 * on its own, so a pattern word is never dropped as a legal form. Throws a `ValidationError`
 * when the pattern has no word or misplaces a `*`.
 */
export function compilePattern(pattern: string): CompiledPattern {
  const words: PatternWord[] = [];
  for (const raw of pattern.trim().split(/\s+/u)) {
    if (raw === '') continue;
    const prefix = raw.endsWith('*');
    const body = prefix ? raw.slice(0, -1) : raw;
    if (body.includes('*')) {
      throw new ValidationError(`'*' may only end a word, as in 'Министерств*' ('${raw}')`);
    }
    const parts = analyzeText(body);
    parts.forEach((part, index) => {
      const isPrefix = prefix && index === parts.length - 1;
      if (isPrefix && [...part.readings].some((reading) => reading.length < MIN_PREFIX_LENGTH)) {
        throw new ValidationError(
          `'${raw}' is too short to match by prefix (at least ${MIN_PREFIX_LENGTH} letters before '*')`,
        );
      }
      words.push({ readings: [...part.readings], prefix: isPrefix });
    });
  }
  if (words.length === 0) throw new ValidationError(`pattern '${pattern}' has no word to match`);
  return { source: pattern, words };
}

function wordMatches(text: TextWord, pattern: PatternWord): boolean {
  if (!pattern.prefix) return pattern.readings.some((reading) => text.readings.has(reading));
  for (const reading of text.readings) {
    if (pattern.readings.some((start) => reading.startsWith(start))) return true;
  }
  return false;
}

/**
 * Where the pattern occurs in the text: the matched words as written (case-folded), or null. The
 * first occurrence wins.
 */
export function findPattern(text: readonly TextWord[], pattern: CompiledPattern): string | null {
  const length = pattern.words.length;
  for (let start = 0; start + length <= text.length; start++) {
    let all = true;
    for (let offset = 0; offset < length && all; offset++) {
      all = wordMatches(text[start + offset] as TextWord, pattern.words[offset] as PatternWord);
    }
    if (all) {
      return text
        .slice(start, start + length)
        .map((word) => word.word)
        .join(' ');
    }
  }
  return null;
}
