/**
 * Organisation legal forms, grouped under canonical codes. A legal form is not part of an
 * organisation's name for matching: `ООО "Ромашка"`, `Romashka LLC` and `OOO ROMASHKA` are one
 * name, and "JSC" must not make every joint-stock company look alike. The EU list gives each
 * organisation in several EU languages, so each code lists its spellings across them.
 *
 * Codes group true equivalents (the same legal institution in another language or script).
 * `LEGAL_FORM_FAMILIES` groups codes that a scorer may treat as compatible (an `ag` and a `jsc`
 * are both share companies; a `jsc` and an `llc` are not).
 */

export type LegalFormFamily = 'shares' | 'limited' | 'partnership' | 'unitary' | 'generic';

interface LegalFormEntry {
  readonly code: string;
  readonly family: LegalFormFamily;
  readonly forms: readonly string[];
}

const TABLE: readonly LegalFormEntry[] = [
  {
    // Limited liability company: Russian ООО, Ukrainian ТОВ, Belarusian ТАА, Bulgarian ООД/ЕООД
    // (ЕООД = single-member), ex-Yugoslav d.o.o., German GmbH, Polish sp. z o.o., Czech/Slovak
    // s.r.o., Hungarian Kft., Romanian/Italian SRL, French SARL, Spanish S.L., Portuguese Lda,
    // Latvian SIA, Lithuanian UAB (literally "closed JSC", functionally an LLC), Estonian OÜ,
    // Greek ΕΠΕ, Arabic ذ.م.م.
    code: 'llc',
    family: 'limited',
    forms: [
      'llc',
      'l.l.c.',
      'limited liability company',
      'ооо',
      'ooo',
      'общество с ограниченной ответственностью',
      'obshchestvo s ogranichennoy otvetstvennostyu',
      'obshchestvo s ogranichennoi otvetstvennostiu',
      'тов',
      'tov',
      'товариство з обмеженою відповідальністю',
      'таа',
      'taa',
      'таварыства з абмежаванай адказнасцю',
      'ооод',
      'оод',
      'еоод',
      'ood',
      'eood',
      'дружество с ограничена отговорност',
      'д.о.о.',
      'd.o.o.',
      'доо',
      'doo',
      'društvo s ograničenom odgovornošću',
      'družba z omejeno odgovornostjo',
      'gmbh',
      'gesellschaft mit beschränkter haftung',
      'sp. z o.o.',
      'spółka z ograniczoną odpowiedzialnością',
      's.r.o.',
      'spol. s r.o.',
      'společnost s ručením omezeným',
      'spoločnosť s ručením obmedzeným',
      'kft',
      'korlátolt felelősségű társaság',
      'srl',
      's.r.l.',
      'societate cu răspundere limitată',
      'società a responsabilità limitata',
      'sarl',
      's.a.r.l.',
      'société à responsabilité limitée',
      'sociedad de responsabilidad limitada',
      's.l.',
      'lda',
      'ltda',
      'sociedade de responsabilidade limitada',
      'sia',
      'sabiedrība ar ierobežotu atbildību',
      'uab',
      'uždaroji akcinė bendrovė',
      'oü',
      'osaühing',
      'епе',
      'εταιρεία περιορισμένης ευθύνης',
      'ε.π.ε.',
      'ذ.م.م',
      'ذ م م',
      'aps',
      'anpartsselskab',
    ],
  },
  {
    // Joint-stock company (unqualified): Russian АО/НАО (since 2014 the only kinds are АО and ПАО),
    // Ukrainian АТ, Bulgarian АД/ЕАД, Czech/Slovak a.s., Hungarian Rt./Zrt., Romanian S.A. in
    // "societatea pe acțiuni", Baltic AS/AB, Croatian/Slovene d.d., Nordic AB/A/S/Oy.
    code: 'jsc',
    family: 'shares',
    forms: [
      'jsc',
      'joint stock company',
      'joint-stock company',
      'joint stock co',
      'ао',
      'ao',
      'нао',
      'nao',
      'акционерное общество',
      'aktsionernoye obshchestvo',
      'aktsionernoe obshchestvo',
      'акціонерне товариство',
      'акцыянернае таварыства',
      'ат',
      'ад',
      'ad',
      'ead',
      'еад',
      'акционерно дружество',
      'a.s.',
      'akciová společnost',
      'akciová spoločnosť',
      'rt',
      'zrt',
      'részvénytársaság',
      'zártkörűen működő részvénytársaság',
      'societatea pe acțiuni',
      'societate pe acțiuni',
      'spółka akcyjna',
      'akcinė bendrovė',
      'akciju sabiedrība',
      'aktsiaselts',
      'as',
      'ab',
      'aktiebolag',
      'a/s',
      'aktieselskab',
      'oy',
      'osakeyhtiö',
      'd.d.',
      'dioničko društvo',
      'delniška družba',
      'акционерско друштво',
      'kabushiki kaisha',
      'k.k.',
      'ανώνυμη εταιρεία',
      'α.ε.',
      'cuideachta chomhstoic',
    ],
  },
  {
    // Open JSC: Russian ОАО, Ukrainian ВАТ, Belarusian ААТ (pre-2014/2009 forms still in lists).
    code: 'ojsc',
    family: 'shares',
    forms: [
      'ojsc',
      'open joint stock company',
      'open joint-stock company',
      'оао',
      'oao',
      'открытое акционерное общество',
      'otkrytoye aktsionernoye obshchestvo',
      'ват',
      'vat',
      'відкрите акціонерне товариство',
      'аат',
      'адкрытае акцыянернае таварыства',
      'offene aktiengesellschaft',
      'société anonyme ouverte',
      'otevřená akciová společnost',
      'otwarta spółka akcyjna',
    ],
  },
  {
    // Closed/private JSC: Russian ЗАО, Ukrainian ЗАТ and its successor ПрАТ, Belarusian ЗАТ.
    code: 'cjsc',
    family: 'shares',
    forms: [
      'cjsc',
      'closed joint stock company',
      'closed joint-stock company',
      'private joint stock company',
      'private joint-stock company',
      'prjsc',
      'зао',
      'zao',
      'закрытое акционерное общество',
      'zakrytoye aktsionernoye obshchestvo',
      'зат',
      'zat',
      'закрите акціонерне товариство',
      'прат',
      'prat',
      'приватне акціонерне товариство',
      'закрытае акцыянернае таварыства',
      'geschlossene aktiengesellschaft',
      'zamknięta spółka akcyjna',
    ],
  },
  {
    // Public JSC: Russian ПАО, Ukrainian ПАТ, Hungarian Nyrt.
    code: 'pjsc',
    family: 'shares',
    forms: [
      'pjsc',
      'public joint stock company',
      'public joint-stock company',
      'пао',
      'pao',
      'публичное акционерное общество',
      'publichnoye aktsionernoye obshchestvo',
      'пат',
      'pat',
      'публічне акціонерне товариство',
      'nyrt',
      'nyilvánosan működő részvénytársaság',
      'öffentliche aktiengesellschaft',
      'publiczna spółka akcyjna',
    ],
  },
  {
    // Public limited company (UK/Ireland; Malaysian Berhad, Indonesian Tbk are the same idea).
    code: 'plc',
    family: 'shares',
    forms: ['plc', 'p.l.c.', 'public limited company', 'berhad', 'bhd', 'tbk'],
  },
  {
    // Private company limited by shares (UK Ltd, Singapore Pte Ltd, Malaysian Sdn Bhd, Indian
    // Pvt Ltd, Indonesian PT, Chinese 有限公司).
    code: 'ltd',
    family: 'limited',
    forms: [
      'ltd',
      'limited',
      'company limited',
      'private limited',
      'private limited company',
      'pvt ltd',
      'pvt',
      'pte ltd',
      'pte',
      'sdn bhd',
      'pt',
      '有限公司',
    ],
  },
  { code: 'inc', family: 'shares', forms: ['inc', 'incorporated'] },
  { code: 'corp', family: 'generic', forms: ['corp', 'corporation'] },
  {
    // "Company" and its Romance/Arabic/Persian words: a noun, not a legal form, but it carries no
    // identity either (`Rosneft Oil Company` = `Rosneft`).
    code: 'co',
    family: 'generic',
    forms: ['co', 'company', 'compagnie', 'cie', 'compañía', 'cia', 'شركة', 'شرکت'],
  },
  {
    // Société anonyme / sociedad anónima / S.p.A.: the Romance JSC.
    code: 'sa',
    family: 'shares',
    forms: [
      'sa',
      's.a.',
      'société anonyme',
      'sociedad anónima',
      'sociedade anónima',
      'sociedade anônima',
      'spa',
      's.p.a.',
      'società per azioni',
      'sal',
      's.a.l.',
      'sas',
      's.a.s.',
      'société par actions simplifiée',
    ],
  },
  { code: 'ag', family: 'shares', forms: ['ag', 'aktiengesellschaft'] },
  { code: 'bv', family: 'limited', forms: ['bv', 'b.v.', 'besloten vennootschap'] },
  { code: 'nv', family: 'shares', forms: ['nv', 'n.v.', 'naamloze vennootschap'] },
  {
    // Limited liability partnership: UK/US LLP; Kazakh ТОО/ЖШС is officially rendered "LLP".
    code: 'llp',
    family: 'partnership',
    forms: [
      'llp',
      'limited liability partnership',
      'тоо',
      'too',
      'товарищество с ограниченной ответственностью',
      'жшс',
    ],
  },
  {
    code: 'lp',
    family: 'partnership',
    forms: ['lp', 'limited partnership', 'kg', 'kommanditgesellschaft'],
  },
  { code: 'fzco', family: 'limited', forms: ['fzco', 'free zone company', 'fzc'] },
  { code: 'fze', family: 'limited', forms: ['fze', 'free zone establishment'] },
  { code: 'fzllc', family: 'limited', forms: ['fz llc', 'fz-llc', 'fzllc'] },
  { code: 'dmcc', family: 'limited', forms: ['dmcc', 'dmcc branch'] },
  {
    // State/municipal unitary enterprise: Russian ГУП/ФГУП/МУП, Belarusian РУП, Ukrainian ДП.
    code: 'sue',
    family: 'unitary',
    forms: [
      'sue',
      'fsue',
      'state unitary enterprise',
      'federal state unitary enterprise',
      'гуп',
      'фгуп',
      'муп',
      'руп',
      'gup',
      'fgup',
      'mup',
      'rup',
      'государственное унитарное предприятие',
      'федеральное государственное унитарное предприятие',
      'республиканское унитарное предприятие',
      'рэспубліканскае унітарнае прадпрыемства',
      'дп',
      'державне підприємство',
    ],
  },
  {
    // Private unitary enterprise (Belarus ЧУП/ЧТУП) and plain unitary enterprise.
    code: 'ue',
    family: 'unitary',
    forms: [
      'уп',
      'чуп',
      'чтуп',
      'chup',
      'unitary enterprise',
      'private unitary enterprise',
      'унитарное предприятие',
      'частное унитарное предприятие',
      'частное торговое унитарное предприятие',
      'прыватнае унітарнае прадпрыемства',
    ],
  },
];

export const LEGAL_FORMS: readonly LegalFormEntry[] = TABLE;

export const LEGAL_FORM_FAMILIES: Readonly<Record<string, LegalFormFamily>> = Object.fromEntries(
  TABLE.map((entry) => [entry.code, entry.family]),
);

/** Phrase → code, for the matcher. */
export const LEGAL_FORM_PHRASES: readonly (readonly [string, string])[] = TABLE.flatMap((entry) =>
  entry.forms.map((form) => [form, entry.code] as const),
);

/**
 * Chinese/Japanese names carry the legal form as a suffix of the same word (`华为技术有限公司`).
 * Longest first.
 */
export const HAN_LEGAL_SUFFIXES: readonly (readonly [string, string])[] = [
  ['股份有限公司', 'jsc'],
  ['有限责任公司', 'llc'],
  ['有限責任公司', 'llc'],
  ['有限公司', 'ltd'],
  ['株式会社', 'jsc'],
  ['公司', 'co'],
];
