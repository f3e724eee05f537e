/**
 * Repair of look-alike letters typed in the wrong script: the EU list has `Сергiй` (Latin i),
 * `ТAMБOB`, `Віĸтаравіч` (U+0138 kra), `ЖУРАВЛËВА` (Latin Ë) and `ROMASHKІN` (Cyrillic І). A
 * token that mixes scripts is rewritten into the script of its letters that have NO look-alike
 * (Б, Ж, R, N ...); only if it has none does the name's majority decide. Tokens that have
 * unambiguous letters of both scripts are genuinely mixed and left alone.
 */

/** Latin (and Latin-1 accented) letters that look like a Cyrillic letter, case-sensitive. */
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
  Ë: 'Ё',
  Ï: 'Ї',
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  k: 'к',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  ë: 'ё',
  ï: 'ї',
  ĸ: 'к',
  // Stressed vowels typed as accented Latin letters (`Алексé́й`): the stress is dropped anyway.
  é: 'е',
  É: 'Е',
  á: 'а',
  Á: 'А',
  ó: 'о',
  Ó: 'О',
  ý: 'у',
  Ý: 'У',
};

/** Cyrillic letters that look like a Latin letter, case-sensitive. */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Ѕ: 'S',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Ү: 'Y',
  Ё: 'Ë',
  Ї: 'Ï',
  а: 'a',
  с: 'c',
  е: 'e',
  і: 'i',
  ј: 'j',
  к: 'k',
  о: 'o',
  р: 'p',
  ѕ: 's',
  х: 'x',
  у: 'y',
  ү: 'y',
  ё: 'ë',
  ї: 'ï',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
};

function isCyrillic(code: number): boolean {
  return (code >= 0x400 && code <= 0x52f) || (code >= 0x1c80 && code <= 0x1c8f);
}

function isLatin(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x1e00 && code <= 0x1eff)
  );
}

/** Cheap pre-check (no allocation): does the token have both Latin and Cyrillic letters? */
export function mixesLatinAndCyrillic(token: string): boolean {
  let cyrillic = false;
  let latin = false;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (isCyrillic(code)) cyrillic = true;
    else if (isLatin(code)) latin = true;
    if (cyrillic && latin) return true;
  }
  return false;
}

export interface ScriptVotes {
  /** Cyrillic letters without a Latin look-alike. */
  cyrillicUnique: number;
  /** Latin letters without a Cyrillic look-alike. */
  latinUnique: number;
  cyrillic: number;
  latin: number;
}

export function countVotes(token: string): ScriptVotes {
  const votes: ScriptVotes = { cyrillicUnique: 0, latinUnique: 0, cyrillic: 0, latin: 0 };
  for (const char of token) {
    const code = char.charCodeAt(0);
    if (isCyrillic(code)) {
      votes.cyrillic++;
      if (CYRILLIC_TO_LATIN[char] === undefined) votes.cyrillicUnique++;
    } else if (isLatin(code)) {
      votes.latin++;
      if (LATIN_TO_CYRILLIC[char] === undefined) votes.latinUnique++;
    }
  }
  return votes;
}

/**
 * Rewrites the look-alikes of a mixed Latin/Cyrillic token into one script. `nameLeaning` is the
 * script the whole name leans to ('Cyrl' or 'Latn'), used only when the token's own letters are
 * all look-alikes.
 */
export function repairHomoglyphs(token: string, nameLeaning: 'Cyrl' | 'Latn'): string {
  if (!mixesLatinAndCyrillic(token)) return token;
  const votes = countVotes(token);
  if (votes.cyrillic === 0 || votes.latin === 0) return token;
  let target: 'Cyrl' | 'Latn';
  if (votes.cyrillicUnique > 0 && votes.latinUnique === 0) target = 'Cyrl';
  else if (votes.latinUnique > 0 && votes.cyrillicUnique === 0) target = 'Latn';
  else if (votes.latinUnique === 0 && votes.cyrillicUnique === 0) target = nameLeaning;
  else return token;
  const table = target === 'Cyrl' ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  let out = '';
  for (const char of token) out += table[char] ?? char;
  return out;
}
