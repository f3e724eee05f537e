/**
 * Arabic "servant of" names: `ʿAbd al-Raḥmān` is written `Abd al-Rahman`, `Abdul Rahman`,
 * `Abdel-Rahman`, `Abdulrahman`, `Abdurrahman`, `Abdirahman` or `عبد الرحمن` — one, two or three
 * words, the article spelt out, attached or assimilated. Token by token these share little
 * (`abdulrahman` against `abd`, `al`, `rahman`), and sanctions lists use every form. Each is
 * brought to the same two tokens: `abdul` and the divine name in one spelling (`rahman`), so
 * that the second element, the part that tells `Abdul Rahman` from `Abdul Karim`, is compared on
 * its own as a token of its own.
 *
 * Only the names of God that follow `Abd` are recognised (by phonetic skeleton, so that the
 * consonantal `rhmn` of Arabic script counts): surnames built on them (`Abdullaev`,
 * `Abdurakhmanov`) and names that merely start with the letters (`Abdi`, `Abdou`) stay whole.
 */
import { phoneticKey } from './phonetic.js';

/** The divine names that follow `Abd`, each with the spellings lists use for it. */
const DIVINE_NAMES: readonly (readonly string[])[] = [
  ['lah', 'la', 'llah', 'lh'],
  ['rahman', 'rakhman', 'rehman', 'rahmon'],
  ['rahim', 'rakhim', 'rahem'],
  ['aziz', 'azeez', 'azis'],
  ['karim', 'kerim', 'krim', 'kareem'],
  ['qadir', 'kadir', 'kader', 'qader', 'kadyr'],
  ['latif', 'lateef'],
  ['malik', 'malek'],
  ['hamid', 'hameed', 'hamed'],
  ['majid', 'majeed', 'madjid'],
  ['wahid', 'waheed', 'vahid'],
  ['ghani', 'gani', 'ghany'],
  ['razzaq', 'razak', 'razzak', 'raziq'],
  ['bari', 'barry'],
  ['baqi', 'baki', 'baqui'],
  ['basit', 'baset'],
  ['basir', 'baseer'],
  ['hakim', 'hakeem'],
  ['halim', 'haleem'],
  ['jabbar', 'jabar', 'djabbar'],
  ['jalil', 'jaleel', 'djalil'],
  ['khaliq', 'khalik', 'khalek'],
  ['mannan', 'manan'],
  ['muttalib', 'mutalib', 'mutallib'],
  ['nasir', 'nasser', 'naser', 'nassir'],
  ['nur', 'noor', 'nour'],
  ['qayyum', 'qayum', 'kayum', 'kayyum'],
  ['quddus', 'kudus', 'qudus'],
  ['rashid', 'rasheed', 'rachid'],
  ['rauf', 'raouf', 'rawuf'],
  ['salam', 'salaam', 'selam', 'slm'],
  ['samad', 'samed', 'samat'],
  ['sattar', 'satar', 'settar'],
  ['shakur', 'shakoor', 'chakour'],
  ['wahab', 'wahhab', 'vahab', 'wahaab'],
  ['wadud', 'wadood'],
  ['wali', 'vali'],
  ['hadi', 'hady'],
  ['hafiz', 'hafeez'],
  ['haq', 'hak', 'haqq'],
  ['jamil', 'jameel', 'djamil'],
  ['ghafur', 'ghafoor', 'gafur', 'ghaffar', 'gaffar'],
  ['alim', 'aleem'],
  ['azim', 'azeem'],
  ['fattah', 'fatah', 'fettah', 'fth'],
  ['wakil', 'wakeel'],
  ['mumin', 'momin', 'moumen'],
  ['hay', 'hai', 'hayy'],
  ['ahad'],
  ['ilah', 'ilaah'],
  ['rab', 'rabb'],
  ['muhsin', 'mohsen', 'mohsin'],
  ['muhaymin'],
  ['mutalib'],
  ['kabir', 'kebir'],
  ['sabur', 'saboor'],
  ['tawwab', 'tawab'],
  ['daim', 'dayem'],
  ['zahir'],
  ['jawad', 'jawwad'],
  ['hakk'],
];

/** Phonetic skeleton → the divine name in the one spelling it is brought to. */
const DIVINE_BY_SKELETON: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const spellings of DIVINE_NAMES) {
    const canonical = spellings[0]!;
    for (const spelling of spellings) {
      const skeleton = phoneticKey(spelling);
      if (!map.has(skeleton)) map.set(skeleton, canonical);
    }
  }
  return map;
})();

/** The token that stands for "servant of" after the change. */
export const SERVANT = 'abdul';

const CANONICAL_DIVINE_NAMES: ReadonlySet<string> = new Set(
  DIVINE_NAMES.map((spellings) => spellings[0]!),
);

/** `token` is the `abdul` of an `Abd` name that `joinServantNames` brought together with `next`. */
export function isServantOf(token: string, next: string | undefined): boolean {
  return token === SERVANT && next !== undefined && CANONICAL_DIVINE_NAMES.has(next);
}

/** `abd` with a linking vowel and the article's consonant, written as one word (`abdul`, `abdur`). */
const SERVANT_WORD = /^abd(?:ou|u|e|a|o|i|y)?(?:l|r|s|sh|n|d|t|z)?$/u;
/** The forms of the word that cannot be a given name of their own (`Abdi`, `Abdou` can). */
const SERVANT_ALONE = /^abd(?:u|e|a|o|i|ou)l$|^abd$/u;
/** The article as a word of its own, assimilated or not (`al`, `el`, `ar`, `as`, `ash` ...). */
const ARTICLE = /^(?:a|e|u|o|i)(?:l|r|s|sh|n|d|t|z|dh|th)$/u;
/** One word: `abd`, a linking vowel, then the rest (`abdulrahman`, `abdurrahman`). */
const SERVANT_PREFIX = /^abd(?:ou|u|e|a|o|i|y)?(.{2,})$/u;
const ARTICLE_PREFIX = /^(?:a|e|u|o|i)?l(?=.{2})/u;

/** The divine name a word spells (`rahman`, `rhmn`, `allah` → `lah`), or null. */
function divineName(word: string): string | null {
  // `allah`, `alrahman`: the article written onto the name, tried first (`allah` is `lah` with
  // the article, not `ilah`); then the word as written (`alim`).
  const withoutArticle = word.replace(ARTICLE_PREFIX, '');
  const candidates = withoutArticle === word ? [word] : [withoutArticle, word];
  for (const candidate of [...candidates]) {
    // An assimilated article doubles the name's first letter (`rrahman`, `ssalam`).
    if (candidate.length > 3 && candidate[0] === candidate[1]) candidates.push(candidate.slice(1));
  }
  for (const candidate of candidates) {
    const name = DIVINE_BY_SKELETON.get(phoneticKey(candidate));
    if (name !== undefined) return name;
  }
  return null;
}

/** The divine name of a one-word `Abd` name (`abdulrahman` → `rahman`), or null. */
function divineNameInWord(word: string): string | null {
  const match = SERVANT_PREFIX.exec(word);
  if (match === null) return null;
  const rest = match[1]!;
  // The rest as written (`abdul|latif`), or after an `l` of the article (`abdu|l|aziz`).
  const direct = divineName(rest);
  if (direct !== null) return direct;
  return rest.startsWith('l') ? divineName(rest.slice(1)) : null;
}

/**
 * A person's name tokens (romanised, lower case) with every `Abd` name as `abdul` and its divine
 * name; other tokens unchanged.
 */
export function joinServantNames(tokens: readonly string[]): string[] {
  if (!tokens.some((token) => token.startsWith('abd'))) return [...tokens];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.startsWith('abd')) {
      out.push(token);
      continue;
    }
    if (SERVANT_WORD.test(token)) {
      // `abd al rahman`, `abdul rahman`, `abdur rahman`: the article may stand between.
      const next = tokens[i + 1];
      const afterArticle = next !== undefined && ARTICLE.test(next) ? tokens[i + 2] : undefined;
      const nameAfterArticle = afterArticle === undefined ? null : divineName(afterArticle);
      if (nameAfterArticle !== null) {
        out.push(SERVANT, nameAfterArticle);
        i += 2;
        continue;
      }
      const nextName = next === undefined ? null : divineName(next);
      if (nextName !== null) {
        out.push(SERVANT, nextName);
        i += 1;
        continue;
      }
    }
    const name = divineNameInWord(token);
    if (name !== null) out.push(SERVANT, name);
    // `Abd` with the name elsewhere (`AL-RAHMAN ..., ABD` reordered) is still the same word.
    else out.push(SERVANT_ALONE.test(token) ? SERVANT : token);
  }
  return out;
}
