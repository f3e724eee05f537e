/**
 * Russian forms of Belarusian and Ukrainian names. The EU lists many Belarusians and Ukrainians
 * under both their own name form and the Russian one (`Аляксандр Рыгоравіч ЛУКАШЭНКА` and
 * `Alexander Grigoryevich LUKASHENKO`; `Олексій` and `Aleksei`). Transliteration alone cannot
 * bridge those: they are different words. So a Belarusian or Ukrainian name also gets a
 * "Russified" Cyrillic reading — given names from a table of the common names, patronymics
 * rebuilt from the given name, surnames by their regular endings — which is then romanised with
 * the Russian schemes. It is an extra reading, never a replacement, so a wrong guess costs little.
 */

/** Belarusian given name → Russian. */
const BE_GIVEN: Readonly<Record<string, string>> = {
  аляксандр: 'александр',
  аляксей: 'алексей',
  андрэй: 'андрей',
  анатоль: 'анатолий',
  аркадзь: 'аркадий',
  арцём: 'артём',
  барыс: 'борис',
  вадзім: 'вадим',
  валерый: 'валерий',
  валянцін: 'валентин',
  васіль: 'василий',
  віктар: 'виктор',
  віталь: 'виталий',
  вячаслаў: 'вячеслав',
  генадзь: 'геннадий',
  георгій: 'георгий',
  дзмітрый: 'дмитрий',
  дзяніс: 'денис',
  яўген: 'евгений',
  ягор: 'егор',
  ігар: 'игорь',
  іван: 'иван',
  іосіф: 'иосиф',
  кірыл: 'кирилл',
  канстанцін: 'константин',
  леанід: 'леонид',
  максім: 'максим',
  міхаіл: 'михаил',
  мікалай: 'николай',
  мікіта: 'никита',
  алег: 'олег',
  павел: 'павел',
  пётр: 'пётр',
  пятро: 'пётр',
  раман: 'роман',
  рыгор: 'григорий',
  сямён: 'семён',
  сяргей: 'сергей',
  сцяпан: 'степан',
  уладзімір: 'владимир',
  уладзіслаў: 'владислав',
  фёдар: 'фёдор',
  юрый: 'юрий',
  якаў: 'яков',
  алена: 'елена',
  вольга: 'ольга',
  ірына: 'ирина',
  наталля: 'наталья',
  таццяна: 'татьяна',
  святлана: 'светлана',
  людміла: 'людмила',
  марыя: 'мария',
  ганна: 'анна',
  кацярына: 'екатерина',
  галіна: 'галина',
  надзея: 'надежда',
  лідзія: 'лидия',
  юлія: 'юлия',
  аксана: 'оксана',
  вікторыя: 'виктория',
  ала: 'алла',
  валянціна: 'валентина',
  лілія: 'лилия',
};

/** Ukrainian given name → Russian. */
const UK_GIVEN: Readonly<Record<string, string>> = {
  олександр: 'александр',
  олексій: 'алексей',
  андрій: 'андрей',
  анатолій: 'анатолий',
  аркадій: 'аркадий',
  артем: 'артём',
  валерій: 'валерий',
  василь: 'василий',
  віктор: 'виктор',
  віталій: 'виталий',
  володимир: 'владимир',
  вячеслав: 'вячеслав',
  геннадій: 'геннадий',
  георгій: 'георгий',
  григорій: 'григорий',
  дмитро: 'дмитрий',
  євген: 'евгений',
  єгор: 'егор',
  ігор: 'игорь',
  іван: 'иван',
  йосип: 'иосиф',
  кирило: 'кирилл',
  костянтин: 'константин',
  леонід: 'леонид',
  михайло: 'михаил',
  микола: 'николай',
  микита: 'никита',
  павло: 'павел',
  петро: 'пётр',
  сергій: 'сергей',
  семен: 'семён',
  станіслав: 'станислав',
  степан: 'степан',
  юрій: 'юрий',
  яків: 'яков',
  федір: 'фёдор',
  олена: 'елена',
  ірина: 'ирина',
  наталія: 'наталья',
  тетяна: 'татьяна',
  світлана: 'светлана',
  марія: 'мария',
  ганна: 'анна',
  катерина: 'екатерина',
  надія: 'надежда',
  юлія: 'юлия',
  вікторія: 'виктория',
  інна: 'инна',
  любов: 'любовь',
};

type Gender = 'm' | 'f';

/** Patronymic endings → gender; longest first. The stem before them is the father's name. */
const BE_PATRONYMIC: readonly (readonly [string, Gender])[] = [
  ['авіч', 'm'],
  ['евіч', 'm'],
  ['івіч', 'm'],
  ['аўна', 'f'],
  ['еўна', 'f'],
  ['іўна', 'f'],
];
const UK_PATRONYMIC: readonly (readonly [string, Gender])[] = [
  ['йович', 'm'],
  ['ович', 'm'],
  ['евич', 'm'],
  ['ївна', 'f'],
  ['івна', 'f'],
];

/** Surname endings (after the given-name and patronymic checks), longest first. */
const BE_SURNAME: readonly (readonly [string, string])[] = [
  ['энка', 'енко'],
  ['енка', 'енко'],
  ['ская', 'ская'],
  ['цкая', 'цкая'],
  ['скі', 'ский'],
  ['цкі', 'цкий'],
  ['аў', 'ов'],
  ['еў', 'ев'],
  ['ёў', 'ёв'],
  ['ава', 'ова'],
  ['ы', 'ый'],
];
const UK_SURNAME: readonly (readonly [string, string])[] = [
  ['ський', 'ский'],
  ['цький', 'цкий'],
  ['зький', 'зский'],
  ['ська', 'ская'],
  ['цька', 'цкая'],
  ['ій', 'ий'],
];

/** Letter-level Belarusian → Russian spelling (э→е, і→и, ў→в, дз'→д before soft vowels). */
function beLetters(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i] as string;
    const next = word[i + 1];
    // дз and ц before a soft vowel are Russian д and т (Дзямідаў / Демидов, Цімошка / Тимошко).
    const soft =
      next === 'я' || next === 'е' || next === 'ё' || next === 'ю' || next === 'і' || next === 'ь';
    if (c === 'д' && next === 'з' && isSoft(word[i + 2])) {
      out += 'д';
      i++;
    } else if (c === 'ц' && soft) out += 'т';
    else if (c === 'э') out += 'е';
    else if (c === 'і') out += 'и';
    else if (c === 'ў') out += 'в';
    else if (c === 'я' && i > 0 && !isVowelLetter(word[i - 1])) out += 'е';
    else out += c;
  }
  return out;
}

/** Letter-level Ukrainian → Russian spelling (і→и, и→ы is not regular, є→е, ї→и). */
function ukLetters(word: string): string {
  let out = '';
  for (const c of word) {
    if (c === 'і') out += 'и';
    else if (c === 'ї') out += 'йи';
    else if (c === 'є') out += 'е';
    else if (c === 'ґ') out += 'г';
    else out += c;
  }
  return out;
}

function isSoft(char: string | undefined): boolean {
  return (
    char === 'я' || char === 'е' || char === 'ё' || char === 'ю' || char === 'і' || char === 'ь'
  );
}

function isVowelLetter(char: string | undefined): boolean {
  return char !== undefined && 'аеёиоуыэюяіїє'.includes(char);
}

/** Russian patronymic of a Russian given name (Сергей → Сергеевич, Юрий → Юрьевич). */
function russianPatronymic(given: string, gender: Gender): string {
  const [soft, hard] = gender === 'm' ? ['евич', 'ович'] : ['евна', 'овна'];
  if (given.endsWith('ий')) return `${given.slice(0, -2)}ь${soft}`;
  if (given.endsWith('й') || given.endsWith('ь')) return `${given.slice(0, -1)}${soft}`;
  if (given === 'пётр') return `петр${hard}`;
  if (given === 'павел') return `павл${hard}`;
  return `${given}${hard}`;
}

function findGiven(stem: string, table: Readonly<Record<string, string>>): string | undefined {
  // The father's name is the stem, give or take its final й/ь/о/ы (Мікалай-евіч → мікала-,
  // Михайл-ович → Михайло, Юр-евіч → Юрый).
  for (const candidate of [
    stem,
    `${stem}й`,
    `${stem}ь`,
    `${stem}о`,
    `${stem}ый`,
    `${stem}ій`,
    stem.slice(0, -1),
  ]) {
    const found = table[candidate];
    if (found) return found;
  }
  return undefined;
}

/**
 * The Russian form of one lowercase Belarusian or Ukrainian name word, or undefined when it is
 * not Cyrillic of that language.
 */
export function russianForm(word: string, language: 'be' | 'uk'): string {
  const given = language === 'be' ? BE_GIVEN : UK_GIVEN;
  const direct = given[word];
  if (direct) return direct;
  for (const [ending, gender] of language === 'be' ? BE_PATRONYMIC : UK_PATRONYMIC) {
    if (word.length > ending.length + 2 && word.endsWith(ending)) {
      const father = findGiven(word.slice(0, -ending.length), given);
      if (father) return russianPatronymic(father, gender);
    }
  }
  const letters = language === 'be' ? beLetters : ukLetters;
  for (const [ending, russian] of language === 'be' ? BE_SURNAME : UK_SURNAME) {
    if (word.length > ending.length + 1 && word.endsWith(ending)) {
      return letters(word.slice(0, -ending.length)) + russian;
    }
  }
  const out = letters(word);
  // Generic patronymic endings that the table did not resolve: -авіч → -ович.
  if (language === 'be') return out.replace(/авич$/, 'ович').replace(/авна$/, 'овна');
  return out;
}

/** Belarusian patronymic of a Belarusian given name (Сяргей → Сяргеевіч, Юрый → Юр'евіч). */
function belarusianPatronymic(given: string, gender: Gender): string {
  const [soft, hard] = gender === 'm' ? ['евіч', 'авіч'] : ['еўна', 'аўна'];
  if (given.endsWith('ый')) return `${given.slice(0, -2)}'${soft}`;
  if (given.endsWith('й')) return `${given.slice(0, -1)}${soft}`;
  if (given.endsWith('ь')) return `${given}${soft}`;
  if (given === 'павел') return `паўл${hard}`;
  if (given === 'пётр') return `пятр${gender === 'm' ? 'овіч' : 'оўна'}`;
  if (given === 'міхаіл') return `міхайл${hard}`;
  return `${given}${hard}`;
}

/** Ukrainian patronymic of a Ukrainian given name (Сергій → Сергійович, Микола → Миколайович). */
function ukrainianPatronymic(given: string, gender: Gender): string {
  const suffix = gender === 'm' ? 'ович' : 'івна';
  if (given.endsWith('й')) return gender === 'm' ? `${given}ович` : `${given.slice(0, -1)}ївна`;
  if (given.endsWith('о')) return `${given.slice(0, -1)}${suffix}`;
  if (given.endsWith('а')) return gender === 'm' ? `${given}йович` : `${given}ївна`;
  if (given.endsWith('ь')) return `${given.slice(0, -1)}${suffix}`;
  return `${given}${suffix}`;
}

/**
 * Every Belarusian/Ukrainian given name and patronymic of the tables with its Russian form, for
 * the spelling key to fold `Siarhei` onto `Sergei` and `Uladzimiravich` onto `Vladimirovich`.
 */
export function nameFormPairs(): [form: string, russian: string, language: 'be' | 'uk'][] {
  const pairs: [string, string, 'be' | 'uk'][] = [];
  const add = (table: Readonly<Record<string, string>>, language: 'be' | 'uk'): void => {
    const patronymic = language === 'be' ? belarusianPatronymic : ukrainianPatronymic;
    for (const [form, russian] of Object.entries(table)) {
      pairs.push([form, russian, language]);
      // Female given names (ending in а/я) have no patronymics derived from them.
      if (/[ая]$/.test(russian) && !/ла$/.test(form)) continue;
      for (const gender of ['m', 'f'] as const) {
        pairs.push([patronymic(form, gender), russianPatronymic(russian, gender), language]);
      }
    }
  };
  add(BE_GIVEN, 'be');
  add(UK_GIVEN, 'uk');
  return pairs;
}
