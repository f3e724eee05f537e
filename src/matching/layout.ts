/**
 * What the scoring loop reads of a record (its names and birth dates) packed into integers.
 * Aligning a query with a candidate used to walk record → names → variants → keys/phonetic/
 * weights arrays → strings, and record → dates → date objects, each a separate heap object of a
 * record the CPU had not touched for a while; reading one contiguous block per candidate instead
 * is what made the loop fast. The strings and dates stay on the record for explanations; the
 * layout holds vocabulary ids and numbers.
 *
 * A layout starts at some offset `at` of an `Int32Array`:
 *
 *     at + 0                         variant count V
 *     at + 1                         token count T
 *     at + 2                         birth date count
 *     at + 3 + v * 8                 variant v: the V_* slots below
 *     at + 3 + V * 8 + t * 4         token t (in variant order): the T_* slots below
 *     at + 3 + V * 8 + T * 4 + d * 3 birth date d: year, month, day (0 when not given)
 *
 * List records share large arrays (arenas), so that the loop touches the record and its block
 * only, not an array object per record as well.
 */
import { NAME_FORMS, PHONETIC_KEYS, SPELLING_KEYS, type Vocabulary } from './names/vocabulary.js';
import type { PartialDate, PreparedName, PreparedRecord, RecordLayout } from './types.js';

export const L_VARIANT_COUNT = 0;
export const L_TOKEN_COUNT = 1;
export const L_DATE_COUNT = 2;
/** Ints before the first variant. */
export const L_HEADER = 3;
/** Ints per birth date. */
export const DATE_STRIDE = 3;

/** Ints per variant. */
export const VARIANT_STRIDE = 8;
export const V_NAME = 0;
export const V_VARIANT = 1;
/** Index of the variant's first token (in tokens, not ints). */
export const V_TOKEN_START = 2;
export const V_TOKEN_COUNT = 3;
/** Id of the sorted keys (`literal`) in `NAME_FORMS`; -1 for a query whose literal is empty. */
export const V_LITERAL = 4;
/** Id of the joined keys in `NAME_FORMS`; -1 for a query whose joined keys are too short. */
export const V_JOINED = 5;
/** 1 when a token of the variant is an initial. */
export const V_HAS_INITIAL = 6;
/** Code of the variant's total token weight in `WEIGHT_VALUES`. */
export const V_TOTAL_WEIGHT = 7;

/** Ints per token. */
export const TOKEN_STRIDE = 4;
/** Id of the spelling key in `SPELLING_KEYS` (-1 on a query, which does not need it). */
export const T_KEY = 0;
/** Id of the phonetic skeleton; -1 when it is shorter than two characters (never compared). */
export const T_PHONETIC = 1;
/** Key length (at most 0x7fff) << 16 | its first UTF-16 code unit (0 for an empty key). */
export const T_SHAPE = 2;
/**
 * Code of the token's weight in `WEIGHT_VALUES` (low 16 bits, `& WEIGHT_CODE_MASK`) and its
 * lineage role (`lineageRoles`, from bit 16: `>>> ROLE_SHIFT`). One slot for both keeps a token
 * at four ints: the scoring loop reads every candidate token, and a wider stride costs cache.
 */
export const T_WEIGHT = 3;
export const WEIGHT_CODE_MASK = 0xffff;
export const ROLE_SHIFT = 16;

/** Joined keys shorter than this never count as the same name (`Good Will`/`Goodwill`). */
export const MIN_JOINED_LENGTH = 6;

/**
 * The distinct token weights and variant totals, coded by position. There are a handful (1,
 * 0.35, 0.3 and their sums), and the codes give back the very same doubles, so sums over them
 * come out bit for bit as over the original arrays.
 */
export const WEIGHT_VALUES: number[] = [];
const weightCodes = new Map<number, number>();

export function weightCode(weight: number): number {
  let code = weightCodes.get(weight);
  if (code === undefined) {
    if (WEIGHT_VALUES.length > WEIGHT_CODE_MASK) throw new Error('too many distinct name weights');
    code = WEIGHT_VALUES.length;
    WEIGHT_VALUES.push(weight);
    weightCodes.set(weight, code);
  }
  return code;
}

export function tokenShape(key: string): number {
  return (Math.min(key.length, 0x7fff) << 16) | (key.length > 0 ? key.charCodeAt(0) : 0);
}

/** `short` is one letter and `long` a longer key starting with it (shapes from `tokenShape`). */
export function isInitialOfShape(short: number, long: number): boolean {
  return short >>> 16 === 1 && long >>> 16 > 1 && (long & 0xffff) === (short & 0xffff);
}

type Resolve = (vocabulary: Vocabulary, value: string) => number;

const intern: Resolve = (vocabulary, value) => vocabulary.intern(value);
const lookup: Resolve = (vocabulary, value) => vocabulary.lookup(value);

function layoutSize(names: readonly PreparedName[]): [variants: number, tokens: number] {
  let variants = 0;
  let tokens = 0;
  for (const name of names) {
    for (const variant of name.variants) {
      variants++;
      tokens += variant.keys.length;
    }
  }
  return [variants, tokens];
}

function write(
  names: readonly PreparedName[],
  birthDates: readonly PartialDate[],
  ints: Int32Array,
  at: number,
  resolve: Resolve,
  asQuery: boolean,
): void {
  const [variantCount, tokenCount] = layoutSize(names);
  ints[at + L_VARIANT_COUNT] = variantCount;
  ints[at + L_TOKEN_COUNT] = tokenCount;
  ints[at + L_DATE_COUNT] = birthDates.length;
  const dateBase = at + L_HEADER + variantCount * VARIANT_STRIDE + tokenCount * TOKEN_STRIDE;
  birthDates.forEach((date, d) => {
    ints[dateBase + d * DATE_STRIDE] = date.year;
    ints[dateBase + d * DATE_STRIDE + 1] = date.month ?? 0;
    ints[dateBase + d * DATE_STRIDE + 2] = date.day ?? 0;
  });
  const tokenBase = at + L_HEADER + variantCount * VARIANT_STRIDE;
  let v = 0;
  let t = 0;
  names.forEach((name, nameIndex) => {
    name.variants.forEach((variant, variantIndex) => {
      const h = at + L_HEADER + v * VARIANT_STRIDE;
      ints[h + V_NAME] = nameIndex;
      ints[h + V_VARIANT] = variantIndex;
      ints[h + V_TOKEN_START] = t;
      ints[h + V_TOKEN_COUNT] = variant.keys.length;
      ints[h + V_LITERAL] =
        asQuery && variant.literal === '' ? -1 : resolve(NAME_FORMS, variant.literal);
      ints[h + V_JOINED] =
        asQuery && variant.joined.length < MIN_JOINED_LENGTH
          ? -1
          : resolve(NAME_FORMS, variant.joined);
      ints[h + V_HAS_INITIAL] = variant.hasInitial ? 1 : 0;
      ints[h + V_TOTAL_WEIGHT] = weightCode(variant.totalWeight);
      for (let k = 0; k < variant.keys.length; k++) {
        const key = variant.keys[k]!;
        const phonetic = variant.phonetic[k]!;
        const slot = tokenBase + (t + k) * TOKEN_STRIDE;
        ints[slot + T_KEY] = asQuery ? -1 : resolve(SPELLING_KEYS, key);
        ints[slot + T_PHONETIC] = phonetic.length > 1 ? resolve(PHONETIC_KEYS, phonetic) : -1;
        ints[slot + T_SHAPE] = tokenShape(key);
        ints[slot + T_WEIGHT] = weightCode(variant.weights[k]!) | (variant.roles[k]! << ROLE_SHIFT);
      }
      t += variant.keys.length;
      v++;
    });
  });
}

function sizeOf(names: readonly PreparedName[], dates: number): number {
  const [variants, tokens] = layoutSize(names);
  return L_HEADER + variants * VARIANT_STRIDE + tokens * TOKEN_STRIDE + dates * DATE_STRIDE;
}

const ARENA_INTS = 1 << 16;
let arena = new Int32Array(ARENA_INTS);
let arenaUsed = 0;

/**
 * The layout of a list record, its strings added to the vocabularies. Written into the current
 * arena; an arena is freed with the last record that points into it.
 */
export function listLayout(
  names: readonly PreparedName[],
  birthDates: readonly PartialDate[],
): RecordLayout {
  const size = sizeOf(names, birthDates.length);
  if (size > ARENA_INTS / 4) {
    const ints = new Int32Array(size);
    write(names, birthDates, ints, 0, intern, false);
    return { ints, at: 0 };
  }
  if (arenaUsed + size > arena.length) {
    arena = new Int32Array(ARENA_INTS);
    arenaUsed = 0;
  }
  const at = arenaUsed;
  arenaUsed += size;
  write(names, birthDates, arena, at, intern, false);
  return { ints: arena, at };
}

/**
 * The layout of a query's names (at 0 of its own array; its dates are read from the record).
 * Ids of strings no list record has are -1, and so are an empty literal and a joined form too
 * short to count, so that comparing ids answers the same question as comparing the strings did.
 * Spelling keys are not looked up (the scorer finds query keys by their text). Valid while
 * `vocabularySize()` stays what it was when the layout was made.
 */
export function queryLayout(names: readonly PreparedName[]): Int32Array {
  const ints = new Int32Array(sizeOf(names, 0));
  write(names, [], ints, 0, lookup, true);
  return ints;
}

/** Changes whenever a string is added to a vocabulary that query layouts look up. */
export function vocabularySize(): number {
  return SPELLING_KEYS.size + PHONETIC_KEYS.size + NAME_FORMS.size;
}

const lateLayouts = new WeakMap<PreparedRecord, RecordLayout>();

/**
 * The layout of a record scored as a candidate: its own, or for a record that `prepareEntity`
 * prepared as a query (tests, pairwise benchmarks) one made on first use.
 */
export function candidateLayout(record: PreparedRecord): RecordLayout {
  if (record.layoutInts !== null) return { ints: record.layoutInts, at: record.layoutAt };
  let layout = lateLayouts.get(record);
  if (layout === undefined) {
    layout = listLayout(record.names, record.birthDates);
    lateLayouts.set(record, layout);
  }
  return layout;
}

/** Where the birth dates of a layout start (`L_DATE_COUNT` of them, `DATE_STRIDE` ints each). */
export function dateBase(ints: Int32Array, at: number): number {
  return (
    at +
    L_HEADER +
    ints[at + L_VARIANT_COUNT]! * VARIANT_STRIDE +
    ints[at + L_TOKEN_COUNT]! * TOKEN_STRIDE
  );
}
