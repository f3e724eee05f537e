/**
 * The spelling key of one Latin token: a coarse form in which the spellings that romanisation
 * systems produce for one Cyrillic (or Arabic) name coincide, while different names stay apart.
 * It is a blocking and phonetic-agreement key, not a display form. Each rule says which spellings
 * it merges and why.
 */
import { romanizeTokens, toAsciiWord } from '../transliterate/index.js';
import { nameFormPairs } from '../transliterate/name-forms.js';

function isVowel(char: string | undefined): boolean {
  return char === 'a' || char === 'e' || char === 'i' || char === 'o' || char === 'u';
}

/** Pass 1: consonant digraphs and letter classes, longest spelling first. */
function classes(s: string): string {
  let out = '';
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s[i] as string;
    const next = s[i + 1];
    switch (c) {
      case 's':
        // щ: shch (ICAO/BGN), schtsch (German), szcz (Polish), sjtj (Swedish), shh (GOST
        // 7.79 B), sch (English lists: Oprischenko), ŝ folded (ISO 9): all one s, the same as ш.
        if (s.startsWith('schtsch', i)) {
          out += 's';
          i += 7;
        } else if (s.startsWith('shch', i) || s.startsWith('szcz', i) || s.startsWith('sjtj', i)) {
          out += 's';
          i += 4;
        } else if (s.startsWith('shh', i)) {
          out += 's';
          i += 3;
        } else if (next === 'c' && s[i + 2] === 'h') {
          // ш: German sch. Merged with s because documents without diacritics write š as s.
          out += 's';
          i += 3;
        } else if (next === 'h' || next === 'z' || next === 'j' || next === 'c') {
          // ш: sh (English), sz (Polish), sj (Swedish); sc is šč folded (щ in Czech/Lithuanian).
          out += 's';
          i += 2;
        } else {
          out += 's';
          i += 1;
        }
        break;
      case 'c':
        if (s.startsWith('chtch', i)) {
          // щ in French.
          out += 's';
          i += 5;
        } else if (next === 'h' || next === 'z') {
          // ч: ch (English), cz (Polish); č folds to c. х written ch (German, Polish, Czech)
          // lands here too: those spellings meet their Cyrillic source through the press
          // romanisations, which keep the same ch.
          out += 'c';
          i += 2;
        } else if (next === 'k') {
          // ck is k (German/English spelling).
          out += 'k';
          i += 2;
        } else if (next === 't') {
          // Victor/Viktor, Hector: Latin ct is kt.
          out += 'k';
          i += 1;
        } else {
          // ц: c (Czech, Polish, Lithuanian, ISO 9), merged with ч (č folded to c).
          out += 'c';
          i += 1;
        }
        break;
      case 't':
        if (s.startsWith('tsch', i)) {
          // ч in German.
          out += 'c';
          i += 4;
        } else if (next === 'c' && s[i + 2] === 'h') {
          // ч in French (tch).
          out += 'c';
          i += 3;
        } else if (next === 's' || next === 'z' || next === 'c') {
          // ц: ts (ICAO/BGN), tz (German), tc (Russian passports 2006-2013).
          out += 'c';
          i += 2;
        } else if (next === 'j') {
          // ч in Swedish (-vitj, Timtjenko, Kovaltjuk). This also catches т + iotated vowel
          // (Katja, Kostjuk), but ч is far more frequent in names (-chenko, -chuk, -vich).
          out += 'c';
          i += 2;
        } else if (next === 'h') {
          // th is t (Greek/Arabic romanisations: Thamer/Tamer).
          out += 't';
          i += 2;
        } else {
          out += 't';
          i += 1;
        }
        break;
      case 'z':
        // ж: zh (English), zj (Swedish); ž/ż fold to z.
        out += 'z';
        i += next === 'h' || next === 'j' ? 2 : 1;
        break;
      case 'd':
        if (s.startsWith('dzh', i)) {
          // дж: dzh (English) → dz, like dž folded.
          out += 'dz';
          i += 3;
        } else if (s.startsWith('dsch', i)) {
          // дж in German.
          out += 'dz';
          i += 4;
        } else {
          out += 'd';
          i += 1;
        }
        break;
      case 'k':
        // х: kh (English/French); merged with h below.
        out += next === 'h' ? 'h' : 'k';
        i += next === 'h' ? 2 : 1;
        break;
      case 'g':
        // г is g (Russian) or h (Belarusian, Ukrainian), and Russian writes Arabic h as г
        // (Гасан, Магомед): one class for g, gh, h, kh.
        out += 'h';
        i += next === 'h' ? 2 : 1;
        break;
      case 'p':
        // ph is f.
        out += next === 'h' ? 'f' : 'p';
        i += next === 'h' ? 2 : 1;
        break;
      case 'q':
        // Arabic qaf: Qasim/Kasim.
        out += 'k';
        i += 1;
        break;
      case 'x':
        // Alexander/Aleksandr, Maxim/Maksim.
        out += 'ks';
        i += 1;
        break;
      case 'w':
        // в in German and Polish.
        out += 'v';
        i += 1;
        break;
      case 'y':
      case 'j':
        // й, ы and the iotation: y (English), j (German, Swedish, Czech...), i (ICAO).
        out += 'i';
        i += 1;
        break;
      case 'o':
        // у in French.
        out += next === 'u' ? 'u' : 'o';
        i += next === 'u' ? 2 : 1;
        break;
      default:
        out += c;
        i += 1;
    }
  }
  return out;
}

function collapseDoubles(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

/** Pass 2: the i-glide that systems write or drop (ye/e, ia/a after consonants, ё). */
function vowels(s: string): string {
  let out = '';
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s[i] as string;
    if (c === 'i') {
      const next = s[i + 1];
      const prev = out[out.length - 1];
      const afterConsonant = prev !== undefined && !isVowel(prev);
      // е: e (ICAO, after ь dropped), ye/ie/je (BGN, Polish, German...) → e everywhere.
      if (next === 'e') continue;
      // я ю after a consonant: ia/ya/ja (ICAO, BGN, German) or a/u (Łacinka and Polish after
      // л): Aliaksandr/Alaksandr, Liudmila/Ludmila.
      if (afterConsonant && (next === 'a' || next === 'u')) continue;
      // ё after a consonant: io/yo/jo (Fiodor, Pyotr) or e (ICAO Fedor, Petr).
      if (afterConsonant && next === 'o' && i + 2 < n && !isVowel(s[i + 2])) {
        out += 'e';
        i += 1;
        continue;
      }
    }
    // Final h after a vowel is silent in romanised Arabic (Abdullah/Abdulla).
    if (c === 'h' && i === n - 1 && isVowel(out[out.length - 1]) && n > 2) continue;
    out += c;
  }
  return out;
}

function baseKey(ascii: string): string {
  // Doubled letters carry no information across systems (Wassili/Vasili, Abbas/Abas), and the
  // final -ii/-iy/-yy of -ий/-ый collapses to one i once y and j are i.
  const key = collapseDoubles(vowels(collapseDoubles(classes(ascii))));
  // Александр: Aleksandr (transliterated) vs Alexander / Alexandre (conventional Western forms),
  // the most frequent given name in the lists.
  if (key.endsWith('ander') || key.endsWith('andre')) return `${key.slice(0, -3)}dr`;
  return key;
}

let nameForms: Map<string, string> | undefined;

/**
 * Keys of Belarusian and Ukrainian given names and patronymics → the key of their Russian form,
 * built once from the name-form tables romanised under every scheme (so `Siarhei`, `Sjarhej`,
 * `Sergii`... all land on the key of `Sergei`).
 */
function nameFormKeys(): Map<string, string> {
  if (nameForms) return nameForms;
  const map = new Map<string, string>();
  for (const [form, russian, language] of nameFormPairs()) {
    const target = romanizeTokens([russian], ['ru'])[0]?.[0];
    if (!target) continue;
    const targetKey = baseKey(target);
    for (const [variant] of romanizeTokens([form], [language])) {
      const key = baseKey(variant ?? '');
      if (key && key !== targetKey && !map.has(key)) map.set(key, targetKey);
    }
  }
  nameForms = map;
  return map;
}

/** Belarusian surname endings → Russian (-аў/-ау → -ov, -энка → -enko, -ава → -ova). */
const SURNAME_ENDINGS: readonly (readonly [string, string])[] = [
  ['enka', 'enko'],
  ['au', 'ov'],
  ['eu', 'ev'],
  ['ava', 'ova'],
];

/**
 * The spelling key of ONE Latin token (non-ASCII input is folded first). `Lukashenko`,
 * `Lukaschenko`, `Łukaszenko`, `LUKASJENKO`, `Lukašenko` all give `lukasenko`;
 * `Grigoryevich`, `Grigorievich`, `Grigorjevitj`, `Grigorevich` all give `hrihorevic`.
 * Belarusian and Ukrainian name forms fold onto the Russian ones (`Siarhei` = `Sergei`,
 * `Uladzimiravich` = `Vladimirovich`, `Lukashenka` = `Lukashenko`, `Navumau` = `Navumov`): the
 * lists give one person under both, and a screening query may use either.
 */
export function spellingKey(latinToken: string): string {
  // Names repeat heavily (Aleksandr, -ovich): memoise, bounded so a long-running server stays flat.
  const cached = keyCache.get(latinToken);
  if (cached !== undefined) return cached;
  const key = computeKey(latinToken);
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(latinToken, key);
  return key;
}

const KEY_CACHE_LIMIT = 200_000;
const keyCache = new Map<string, string>();

/**
 * Patronymic endings that stand for one another: a Belarusian or Ukrainian stem is often written
 * with the Russian ending or the other way round (`Iauhenevich`, Belarusian `Яўген` with the
 * Russian `-евич`), which the name-form tables, built per language, do not hold.
 */
const PATRONYMIC_ENDINGS: readonly (readonly string[])[] = [
  ['evic', 'ovic', 'avic'],
  ['evna', 'ovna', 'avna'],
];

/** The name-form key of a patronymic under one of its other endings, if the tables know one. */
function patronymicFormKey(key: string): string | undefined {
  const forms = nameFormKeys();
  for (const endings of PATRONYMIC_ENDINGS) {
    const ending = endings.find((candidate) => key.endsWith(candidate));
    if (ending === undefined) continue;
    const stem = key.slice(0, -ending.length);
    for (const other of endings) {
      if (other === ending) continue;
      const form = forms.get(stem + other);
      if (form !== undefined) return form;
    }
  }
  return undefined;
}

function computeKey(latinToken: string): string {
  const ascii = toAsciiWord(latinToken);
  if (ascii.length === 0) return '';
  const key = baseKey(ascii);
  const form = nameFormKeys().get(key) ?? patronymicFormKey(key);
  if (form !== undefined) return form;
  if (key.length >= 5) {
    for (const [ending, russian] of SURNAME_ENDINGS) {
      if (key.endsWith(ending)) return key.slice(0, -ending.length) + russian;
    }
  }
  return key;
}
