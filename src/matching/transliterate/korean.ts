/**
 * Korean names from Hangul to the Latin spellings documents carry. Sanctions lists name North
 * Koreans the DPRK's way (`Kim Jong Un`, `Ri Pyong Chol`, `Choe Ryong Hae`), South Korean
 * passports mostly in the Revised Romanization with customary surnames (`Lee Jae Myung`,
 * `Park Ji Sung`), older sources in McCune-Reischauer (`Kim Chong-un`). A Hangul syllable is
 * decomposed into its initial consonant, vowel and final consonant and each system's table is
 * applied; the surname, whose customary spellings follow no system (`이` is Lee, Yi, Rhee or Ri),
 * comes from a table of its own. Given-name syllables become separate tokens, as in
 * `Kim Jong Un` and `Kim Jong-un`.
 */

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;

type System = 'rr' | 'dprk' | 'mr' | 'passport';
const SYSTEMS: readonly System[] = ['dprk', 'rr', 'passport', 'mr'];

/** Initial consonants and vowels in Unicode order: a syllable's index decomposes into them. */
const INITIALS = [...'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'];
const VOWELS = [...'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ'];

/** `-` in the tables below: a jamo written with no letter (initial ㅇ, no final consonant). */
function silent(latin: string): string {
  return latin === '-' ? '' : latin;
}

/** The Revised Romanization (South Korea's official system), the base of the others. */
const RR_INITIALS = 'g kk n d tt r m b pp s ss - j jj ch k t p h'.split(' ').map(silent);
const RR_VOWELS = 'a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i'.split(' ');

/**
 * Each system as the jamo it writes differently from the Revised Romanization. McCune-Reischauer
 * writes voiceless stops and ㅈ as `ch`; its ŏ and ŭ lose their breves in the DPRK's and most
 * other Latin text. The DPRK writes voiceless stops too (`Kim`, `Pak`), aspirates with `h`
 * (`Thae`), but keeps `j` for ㅈ (`Jong`). South Korean passports often write ㅓ as `u` (`Sung`,
 * `Jung`, `Myung`).
 */
const DIFFERENCES: Readonly<Record<System, Readonly<Record<string, string>>>> = {
  rr: {},
  dprk: { ㄱ: 'k', ㄷ: 't', ㅂ: 'p', ㅋ: 'kh', ㅌ: 'th', ㅍ: 'ph', ㅓ: 'o', ㅕ: 'yo', ㅡ: 'u' },
  mr: { ㄱ: 'k', ㄷ: 't', ㅂ: 'p', ㅈ: 'ch', ㅉ: 'tch', ㅓ: 'o', ㅕ: 'yo', ㅡ: 'u' },
  passport: { ㅓ: 'u', ㅕ: 'yu' },
};

interface SystemTable {
  /** The Latin of each initial consonant and each vowel, by its index in a syllable. */
  readonly initials: readonly string[];
  readonly vowels: readonly string[];
}

function systemTable(system: System): SystemTable {
  const latin = (jamo: string, base: string) => DIFFERENCES[system][jamo] ?? base;
  return {
    initials: INITIALS.map((jamo, i) => latin(jamo, RR_INITIALS[i]!)),
    vowels: VOWELS.map((jamo, i) => latin(jamo, RR_VOWELS[i]!)),
  };
}

const TABLES: Readonly<Record<System, SystemTable>> = {
  rr: systemTable('rr'),
  dprk: systemTable('dprk'),
  mr: systemTable('mr'),
  passport: systemTable('passport'),
};

/** Final consonants in Unicode order (index 0: none), as pronounced at the end of a syllable. */
const FINAL_RR = '- k k k n n n t l k m l l l p l m p p t t ng t t k t p t'.split(' ').map(silent);

/**
 * Customary spellings of common surnames per system: DPRK, RR-based customary (South), MR.
 * Surnames not listed are romanised like any syllable.
 */
const SURNAMES: Readonly<Record<string, readonly [dprk: string, south: string, mr: string]>> = {
  김: ['kim', 'kim', 'kim'],
  이: ['ri', 'lee', 'yi'],
  리: ['ri', 'lee', 'ri'],
  박: ['pak', 'park', 'pak'],
  최: ['choe', 'choi', 'choe'],
  정: ['jong', 'jung', 'chong'],
  강: ['kang', 'kang', 'kang'],
  조: ['jo', 'cho', 'cho'],
  윤: ['yun', 'yoon', 'yun'],
  장: ['jang', 'jang', 'chang'],
  임: ['rim', 'lim', 'im'],
  림: ['rim', 'lim', 'rim'],
  한: ['han', 'han', 'han'],
  오: ['o', 'oh', 'o'],
  서: ['so', 'seo', 'so'],
  신: ['sin', 'shin', 'sin'],
  권: ['kwon', 'kwon', 'kwon'],
  황: ['hwang', 'hwang', 'hwang'],
  안: ['an', 'ahn', 'an'],
  송: ['song', 'song', 'song'],
  류: ['ryu', 'ryu', 'ryu'],
  유: ['yu', 'yoo', 'yu'],
  전: ['jon', 'jeon', 'chon'],
  홍: ['hong', 'hong', 'hong'],
  고: ['ko', 'ko', 'ko'],
  문: ['mun', 'moon', 'mun'],
  양: ['yang', 'yang', 'yang'],
  손: ['son', 'son', 'son'],
  배: ['pae', 'bae', 'pae'],
  백: ['paek', 'baek', 'paek'],
  허: ['ho', 'heo', 'ho'],
  노: ['ro', 'noh', 'no'],
  로: ['ro', 'roh', 'ro'],
  하: ['ha', 'ha', 'ha'],
  곽: ['kwak', 'kwak', 'kwak'],
  성: ['song', 'sung', 'song'],
  차: ['cha', 'cha', 'cha'],
  주: ['ju', 'joo', 'chu'],
  우: ['u', 'woo', 'u'],
  구: ['ku', 'koo', 'ku'],
  민: ['min', 'min', 'min'],
  나: ['ra', 'na', 'na'],
  라: ['ra', 'ra', 'ra'],
  진: ['jin', 'jin', 'chin'],
  지: ['ji', 'ji', 'chi'],
  채: ['chae', 'chae', 'chae'],
  원: ['won', 'won', 'won'],
  천: ['chon', 'cheon', 'chon'],
  방: ['pang', 'bang', 'pang'],
  공: ['kong', 'kong', 'kong'],
  현: ['hyon', 'hyun', 'hyon'],
  함: ['ham', 'ham', 'ham'],
  변: ['pyon', 'byun', 'pyon'],
  염: ['ryom', 'yeom', 'yom'],
  려: ['ryo', 'yeo', 'ryo'],
  여: ['ryo', 'yeo', 'yo'],
  도: ['to', 'do', 'to'],
  석: ['sok', 'seok', 'sok'],
  선: ['son', 'sun', 'son'],
  마: ['ma', 'ma', 'ma'],
  길: ['kil', 'gil', 'kil'],
  연: ['ryon', 'yeon', 'yon'],
  표: ['pyo', 'pyo', 'pyo'],
  명: ['myong', 'myung', 'myong'],
  기: ['ki', 'ki', 'ki'],
  태: ['thae', 'tae', 'tae'],
  탁: ['thak', 'tak', 'tak'],
  편: ['phyon', 'pyun', 'pyon'],
  용: ['ryong', 'yong', 'yong'],
  룡: ['ryong', 'yong', 'ryong'],
  경: ['kyong', 'kyung', 'kyong'],
  봉: ['pong', 'bong', 'pong'],
  남: ['nam', 'nam', 'nam'],
  엄: ['om', 'eom', 'om'],
  계: ['kye', 'kye', 'kye'],
};

export function isHangulSyllable(code: number): boolean {
  return code >= SYLLABLE_FIRST && code <= SYLLABLE_LAST;
}

export function isHangulWord(token: string): boolean {
  if (token.length === 0) return false;
  for (let i = 0; i < token.length; i++) if (!isHangulSyllable(token.charCodeAt(i))) return false;
  return true;
}

function romanizeSyllable(code: number, system: System): string {
  const index = code - SYLLABLE_FIRST;
  const { initials, vowels } = TABLES[system];
  return `${initials[Math.floor(index / 588)]}${vowels[Math.floor((index % 588) / 28)]}${FINAL_RR[index % 28]}`;
}

function surnameIn(syllable: string, system: System): string | undefined {
  const forms = SURNAMES[syllable];
  if (forms === undefined) return undefined;
  return system === 'dprk' ? forms[0] : system === 'mr' ? forms[2] : forms[1];
}

/**
 * Latin spellings of a name's tokens, one array per system, aligned with `tokens`: a Hangul token
 * is romanised (the first one as a surname when it is one syllable), a given name with a space
 * between its syllables (`jong un`: split into tokens when the name is prepared); other tokens
 * come from `other`. Returns no variants when no token is Hangul; systems that agree on a name
 * give the same array more than once.
 */
export function romanizeKoreanTokens(
  tokens: readonly string[],
  other: (token: string, position: number) => string,
): string[][] {
  if (!tokens.some(isHangulWord)) return [];
  return SYSTEMS.map((system) =>
    tokens.map((token, position) => {
      if (!isHangulWord(token)) return other(token, position);
      const surname = position === 0 && token.length === 1 ? surnameIn(token, system) : undefined;
      if (surname !== undefined) return surname;
      const syllables: string[] = [];
      for (let i = 0; i < token.length; i++) {
        syllables.push(romanizeSyllable(token.charCodeAt(i), system));
      }
      return syllables.join(' ');
    }),
  );
}
