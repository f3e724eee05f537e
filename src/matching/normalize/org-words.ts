/**
 * Words that organisations and vessels write in more than one way: numbers as digits or words
 * (`Brigade 44` / `Brigade Forty-Four`, `Three Percenters` / `3 Percenters`), ordinals
 * (`First` / `1st`) and the common abbreviations of name words (`Int'l`, `Dept`, `U.S.`). Each
 * is brought to one form before any key is made, so the two spellings align as the same token.
 * Only for names of things: `Ben` or `Min` in a person's name is not an abbreviation.
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  // A common misspelling, as in nomenklatura's own test case `Brigade Fourty-four`.
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Ordinals to one form, the digits with their English suffix. */
const ORDINALS: Readonly<Record<string, string>> = {
  first: '1st',
  second: '2nd',
  third: '3rd',
  fourth: '4th',
  fifth: '5th',
  sixth: '6th',
  seventh: '7th',
  eighth: '8th',
  ninth: '9th',
  tenth: '10th',
};

/** Abbreviations of name words (after punctuation is gone: `Int'l` is `intl`, `U.S.` is `us`). */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  intl: ['international'],
  natl: ['national'],
  dept: ['department'],
  govt: ['government'],
  assn: ['association'],
  assoc: ['association'],
  mfg: ['manufacturing'],
  bros: ['brothers'],
  univ: ['university'],
  inst: ['institute'],
  svcs: ['services'],
  us: ['united', 'states'],
  usa: ['united', 'states'],
  uk: ['united', 'kingdom'],
  uae: ['united', 'arab', 'emirates'],
};

/**
 * The tokens of an organisation's or vessel's name with number words as digits, ordinals in one
 * form and abbreviations spelled out. Tokens in other scripts pass through unchanged. Returns
 * `tokens` itself when there is nothing to rewrite.
 */
export function normalizeOrganizationWords(tokens: readonly string[]): readonly string[] {
  // Most names hold none of these words: one set lookup per token, then nothing to copy.
  if (!tokens.some((token) => TABLE_WORDS.has(token))) return tokens;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const tens = TENS[token];
    if (tens !== undefined) {
      // `forty four`, `forty-four` (the hyphen already split it) and `forty 4` are all 44.
      const next = tokens[i + 1];
      const unit = next === undefined ? undefined : (UNITS[next] ?? digitUnit(next));
      if (unit !== undefined && unit >= 1 && unit <= 9) {
        out.push(String(tens + unit));
        i++;
      } else {
        out.push(String(tens));
      }
      continue;
    }
    const unit = UNITS[token];
    if (unit !== undefined) {
      out.push(String(unit));
      continue;
    }
    const ordinal = ORDINALS[token];
    if (ordinal !== undefined) {
      out.push(ordinal);
      continue;
    }
    const expansion = ABBREVIATIONS[token];
    // A one-word name is the name itself (`US` the company), not an abbreviation of one.
    if (expansion !== undefined && tokens.length > 1) {
      out.push(...expansion);
      continue;
    }
    out.push(token);
  }
  return out;
}

/** Every word the tables above rewrite (tables are English: other scripts never meet them). */
const TABLE_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(UNITS),
  ...Object.keys(TENS),
  ...Object.keys(ORDINALS),
  ...Object.keys(ABBREVIATIONS),
]);

function digitUnit(token: string): number | undefined {
  return /^[1-9]$/u.test(token) ? Number(token) : undefined;
}
