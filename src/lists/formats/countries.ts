/**
 * Country names as the OFAC and UK OFSI lists write them → ISO 3166-1 alpha-2.
 *
 * The table covers every country that appears in the real lists under `shared/data/lists/ofac`
 * and `lists/uk` (short names, official long names, OFAC's "Korea, North" inversions, OFSI's
 * "Congo (Democratic Republic)", demonyms such as "Afghan" used as nationalities, and the
 * misspellings the lists really contain). Anything else is *not* guessed: `countryCode` returns
 * undefined and the caller keeps the text in `notes`. Kosovo has no ISO code: it gets `XK`, the
 * user-assigned code FollowTheMoney and most screening systems use. The Palestinian territories
 * (OFAC "Palestinian", "Region: Gaza") are `PS`.
 */

// One line per code: the names and demonyms that mean it, separated by `|`. Case and the
// apostrophe style are normalised before lookup, so each spelling is listed once.
const NAMES: Readonly<Record<string, string>> = {
  AD: 'Andorra|Andorran',
  AE: 'United Arab Emirates|UAE|U.A.E.|Emirati',
  AF: 'Afghanistan|Afghan|Afgan|Afganistan',
  AG: 'Antigua and Barbuda',
  AL: 'Albania|Albanian',
  AM: 'Armenia|Armenian',
  AN: 'Netherlands Antilles',
  AO: 'Angola|Angolan',
  AR: 'Argentina|Argentinian|Argentine',
  AT: 'Austria|Austrian',
  AU: 'Australia|Australian',
  AW: 'Aruba',
  AZ: 'Azerbaijan|Azerbaijani',
  BA: 'Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia & Herzegovina|Bosnian',
  BB: 'Barbados',
  BD: 'Bangladesh|Bangladeshi',
  BE: 'Belgium|Belgian',
  BF: 'Burkina Faso',
  BG: 'Bulgaria|Bulgarian',
  BH: 'Bahrain|Bahraini',
  BI: 'Burundi|Burundian',
  BJ: 'Benin|Beninese',
  BM: 'Bermuda',
  BN: 'Brunei|Brunei Darussalam',
  BO: 'Bolivia|Bolivian',
  BR: 'Brazil|Brazilian',
  BS: 'Bahamas|Bahamas, The|The Bahamas',
  BY: 'Belarus|Belarusian|Belorussian|Belrus',
  BZ: 'Belize',
  CA: 'Canada|Canadian',
  CD: 'Congo, Democratic Republic of the|Democratic Republic of the Congo|Congo (Democratic Republic)|DRC|Congolese',
  CF: 'Central African Republic|CAR',
  CG: 'Congo, Republic of the|Republic of the Congo|Congo (Republic)|Congo',
  CH: 'Switzerland|Swiss',
  CI: "Cote d'Ivoire|Cote d Ivoire|Côte d'Ivoire|Ivory Coast|Ivorian",
  CK: 'Cook Islands',
  CL: 'Chile|Chilean',
  CM: 'Cameroon|Cameroonian',
  CN: 'China|Chinese|People’s Republic of China|Peoples Republic of China',
  CO: 'Colombia|Colombian',
  CR: 'Costa Rica',
  CU: 'Cuba|Cuban',
  CV: 'Cabo Verde|Cape Verde',
  CY: 'Cyprus|Cypriot',
  CZ: 'Czech Republic|Czechia|Czech',
  DE: 'Germany|German',
  DJ: 'Djibouti',
  DK: 'Denmark|Danish',
  DM: 'Dominica',
  DO: 'Dominican Republic',
  DZ: 'Algeria|Algerian',
  EC: 'Ecuador|Ecuadorian',
  EE: 'Estonia|Estonian',
  EG: 'Egypt|Egyptian',
  ER: 'Eritrea|Eritrean',
  ES: 'Spain|Spanish',
  ET: 'Ethiopia|Ethiopian',
  FI: 'Finland|Finnish',
  FJ: 'Fiji',
  FR: 'France|French',
  GA: 'Gabon|Gabonese',
  GB: 'United Kingdom|United Kingdom of Great Britain and Northern Ireland|UK|Britain|Great Britain|British',
  GE: 'Georgia|Georgian',
  GG: 'Guernsey',
  GH: 'Ghana|Ghanaian',
  GI: 'Gibraltar',
  GM: 'Gambia|The Gambia|Gambia, The',
  GN: 'Guinea|Guinean|Republic of Guinea',
  GQ: 'Equatorial Guinea',
  GR: 'Greece|Greek',
  GT: 'Guatemala|Guatemalan',
  GW: 'Guinea-Bissau|Guinea Bissau|Republic of Guinea-Bissau',
  GY: 'Guyana',
  HK: 'Hong Kong',
  HN: 'Honduras|Honduran',
  HR: 'Croatia|Croatian',
  HT: 'Haiti|Haitian',
  HU: 'Hungary|Hungarian',
  ID: 'Indonesia|Indonesian',
  IE: 'Ireland|Irish',
  IL: 'Israel|Israeli',
  IM: 'Isle of Man|Man, Isle of',
  IN: 'India|Indian',
  IQ: 'Iraq|Iraqi',
  IR: 'Iran|Iran (Islamic Republic of)|Iran (Islamic Republic of.)|Islamic Republic of Iran|Iranian',
  IS: 'Iceland',
  IT: 'Italy|Italian',
  JE: 'Jersey',
  JM: 'Jamaica|Jamaican',
  JO: 'Jordan|Jordanian',
  JP: 'Japan|Japanese',
  KE: 'Kenya|Kenyan',
  KG: 'Kyrgyzstan|Kyrgyz|Kyrgyz Republic',
  KH: 'Cambodia|Cambodian',
  KI: 'Kiribati',
  KM: 'Comoros|Union of the Comoros',
  KN: 'Saint Kitts and Nevis|St. Kitts and Nevis|St. Kitts & Nevis',
  KP: "Korea, North|North Korea|Democratic People's Republic of Korea|DPRK|North Korean|Korea, Democratic People's Republic of",
  KR: 'Korea, South|South Korea|Republic of Korea|South Korean',
  KW: 'Kuwait|Kuwaiti',
  KY: 'Cayman Islands',
  KZ: 'Kazakhstan|Kazakh|Kazakhstani',
  LA: 'Laos|Lao|Lao People’s Democratic Republic',
  LB: 'Lebanon|Lebanese',
  LI: 'Liechtenstein',
  LK: 'Sri Lanka|Sri Lankan',
  LR: 'Liberia|Liberian',
  LT: 'Lithuania|Lithuanian',
  LU: 'Luxembourg',
  LV: 'Latvia|Latvian',
  LY: 'Libya|Libyan|Libyan Arab Jamahiriya',
  MA: 'Morocco|Moroccan',
  MC: 'Monaco',
  MD: 'Moldova|Moldovan|Republic of Moldova|Repubic of Moldova',
  ME: 'Montenegro|Montenegrin',
  MG: 'Madagascar',
  MH: 'Marshall Islands',
  MK: 'North Macedonia|North Macedonia, The Republic of|Macedonia|Macedonia, The Former Yugoslav Republic of|Macedonian',
  ML: 'Mali|Malian',
  MM: 'Burma|Myanmar|Burmese',
  MN: 'Mongolia|Mongolian',
  MO: 'Macau|Macao',
  MR: 'Mauritania|Mauritanian',
  MT: 'Malta|Maltese',
  MU: 'Mauritius',
  MV: 'Maldives|Maldivian',
  MX: 'Mexico|Mexican',
  MY: 'Malaysia|Malaysian',
  MZ: 'Mozambique',
  NA: 'Namibia',
  NE: 'Niger|Nigerien',
  NG: 'Nigeria|Nigerian',
  NI: 'Nicaragua|Nicaraguan',
  NL: 'Netherlands|The Netherlands|Dutch',
  NO: 'Norway|Norwegian',
  NP: 'Nepal',
  NZ: 'New Zealand',
  OM: 'Oman|Omani|Sultanate of Oman',
  PA: 'Panama|Panamanian',
  PE: 'Peru|Peruvian',
  PH: 'Philippines|Filipino|Philippine',
  PK: 'Pakistan|Pakistani',
  PL: 'Poland|Polish',
  PS: 'Palestinian|Palestine|State of Palestine|Palestinian Territories|Occupied Palestinian Territories|Palestinian Authority|West Bank|Gaza|Region: Gaza|Region: West Bank',
  PT: 'Portugal|Portuguese',
  PW: 'Palau',
  PY: 'Paraguay|Paraguayan',
  QA: 'Qatar|Qatari|Qatarian',
  RO: 'Romania|Romanian',
  RS: 'Serbia|Serbian',
  RU: 'Russia|Russian|Russian Federation',
  RW: 'Rwanda|Rwandan',
  SA: 'Saudi Arabia|Saudi Arabian|Saudi',
  SC: 'Seychelles',
  SD: 'Sudan|Sudanese',
  SE: 'Sweden|Swedish',
  SG: 'Singapore|Singaporean',
  SI: 'Slovenia|Slovenian',
  SK: 'Slovakia|Slovak',
  SL: 'Sierra Leone',
  SM: 'San Marino',
  SN: 'Senegal|Senegalese',
  SO: 'Somalia|Somali',
  SS: 'South Sudan|South Sudanese',
  ST: 'Sao Tome and Principe',
  SV: 'El Salvador|Salvadoran',
  SY: 'Syria|Syrian|Syrian Arab Republic',
  TD: 'Chad|Chadian',
  TG: 'Togo',
  TH: 'Thailand|Thai',
  TJ: 'Tajikistan|Tajik',
  TM: 'Turkmenistan|Turkmen',
  TN: 'Tunisia|Tunisian',
  TR: 'Turkey|Türkiye|Turkiye|Turkish',
  TT: 'Trinidad and Tobago|Trinadad and Tobago',
  TV: 'Tuvalu',
  TW: 'Taiwan',
  TZ: 'Tanzania|United Republic of Tanzania|Tanzanian',
  UA: 'Ukraine|Ukrainian',
  UG: 'Uganda|Ugandan',
  US: 'United States|United States of America|USA|U.S.A.|US|American',
  UY: 'Uruguay',
  UZ: 'Uzbekistan|Uzbek|Uzbekhistan',
  VC: 'Saint Vincent and the Grenadines|St. Vincent and the Grenadines',
  VE: 'Venezuela|Venezuelan',
  VG: 'Virgin Islands, British|British Virgin Islands',
  VN: 'Vietnam|Viet Nam|Vietnamese',
  VU: 'Vanuatu',
  WS: 'Samoa',
  XK: 'Kosovo|Kosovar',
  YE: 'Yemen|Yemeni',
  ZA: 'South Africa|South African',
  ZM: 'Zambia|Zambian',
  ZW: 'Zimbabwe|Zimbabwean',
};

function normalize(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’‘`]/gu, "'")
    .replace(/\s+/gu, ' ')
    .replace(/^[\s,.;]+|[\s,.;]+$/gu, '');
}

const LOOKUP: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [code, names] of Object.entries(NAMES)) {
    for (const name of names.split('|')) map.set(normalize(name), code);
  }
  return map;
})();

/**
 * ISO 3166-1 alpha-2 code for a country name as the lists write it, or undefined when the name is
 * not one the table knows. Besides exact names it understands the qualifiers the lists attach to a
 * country ("Iraq (previous address)", "Kuwaiti citizenship", "Ukrainian SSR (now Ukraine)").
 */
export function countryCode(name: string): string | undefined {
  // The same few hundred spellings repeat across thousands of records: remember the answers.
  const cached = CACHE.get(name);
  if (cached !== undefined) return cached === '' ? undefined : cached;
  const code = lookup(name);
  if (CACHE.size < 10_000) CACHE.set(name, code ?? '');
  return code;
}

const CACHE = new Map<string, string>();

function lookup(name: string): string | undefined {
  const key = normalize(name);
  if (key === '') return undefined;
  const direct = LOOKUP.get(key);
  if (direct !== undefined) return direct;
  // "Former USSR, now Ukraine", "Ukrainian SSR (now Ukraine)": the list states the current country.
  const now = /\b(?:now|currently)\s+([^()]+?)\)?$/u.exec(key);
  if (now?.[1] !== undefined) return LOOKUP.get(normalize(now[1]));
  // "Iraq (previous address)", "Kuwaiti citizenship": a known country followed by a qualifier.
  const bare = key.replace(/\s*\(.*$/u, '').replace(/ (?:citizenship|national)$/u, '');
  if (bare !== key) return LOOKUP.get(bare);
  return undefined;
}

/**
 * Splits an OFSI multi-value cell: `(1) Central African Republic. (2) South Sudan`,
 * `1) Saudi Arabia 2) Qatar`, `a) French, b) Tunisian`, `(a) Iraq (b) Iran`. A cell without
 * enumeration markers is one value.
 */
export function splitEnumerated(cell: string): string[] {
  if (!ENUM_MARKER_TEST.test(cell)) return [cell.trim()].filter((value) => value !== '');
  return cell
    .split(ENUM_MARKER_SPLIT)
    .map((part) =>
      part
        .trim()
        .replace(/[,;.]+$/u, '')
        .trim(),
    )
    .filter((part) => part !== '' && part !== '-');
}

// A marker is `(1)`, `1)`, `(a)` or `a)` at the start of the cell or after white space.
const ENUM_MARKER_TEST = /(?:^|\s)\(?(?:\d{1,2}|[a-h])\)\s/u;
const ENUM_MARKER_SPLIT = /(?:^|\s)\(?(?:\d{1,2}|[a-h])\)\s+/u;
