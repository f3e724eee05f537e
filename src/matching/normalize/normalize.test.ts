import { describe, expect, test } from 'vitest';
import { analyzeName, spellingKey } from './index.js';

const keys = (name: string): string[][] =>
  analyzeName(name).latinVariants.map((variant) => variant.map(spellingKey));

describe('spellingKey', () => {
  test.each([
    // Lukashenko / Lukashenka across systems (EU 126365 and the press).
    [
      [
        'Lukashenko',
        'LUKASHENKO',
        'Lukaschenko',
        'Łukaszenko',
        'LUKASJENKO',
        'Lukašenko',
        'Lukasenko',
      ],
    ],
    [['Lukashenka', 'Łukaszenka', 'LUKASJENKA', 'Lukašenka', 'Lukaschenka']],
    [
      [
        'Grigoryevich',
        'Grigorievich',
        'Grigorjevitj',
        'Grigorevich',
        'Grigorjewitsch',
        'Grigorjewicz',
      ],
    ],
    [['Aliaksandr', 'Aljaksandr', 'Alyaksandr', 'Alaksandr']],
    [['Aleksandr', 'Alexandr', 'Alexander', 'Alexandre']],
    [['Yevgeniy', 'Evgenii', 'Jevgenij', 'Yevgeny', 'Evgeny', 'Ievgenii']],
    [['Sergei', 'Sergey', 'Sergej']],
    [['Yuriy', 'Yury', 'Yuri', 'Jurij', 'Iurii']],
    [['Dmitriy', 'Dmitry', 'Dmitrij', 'Dmitrii', 'Dmitri']],
    [['Fyodor', 'Fedor', 'Fiodor', 'Fjodor', 'Fëdor']],
    [['Vyacheslav', 'Viacheslav', 'Wiaczesław']],
    [['Sheiman', 'Sheyman', 'SJEJMAN', 'Szejman', 'Schejman']],
    [['Ryhoravich', 'Rygoravich', 'Ryhoravitj', 'Ryhoravič']],
    [['Timchenko', 'Timtjenko', 'Timtschenko', 'Timčenko', 'Tymczenko']],
    [['Oprishchenko', 'Oprischenko', 'Opriščenko', 'Oprisjtjenko', 'Oprishhenko']],
    [['Tsoi', 'Tsoy', 'Coj']],
    [['Zhukov', 'Žukov', 'Żukow', 'Zjukov']],
    [['Maksim', 'Maxim', 'Maksym']],
    [['Abdullah', 'Abdulla']],
  ])('%j share one key', (spellings) => {
    const distinct = new Set(spellings.map(spellingKey));
    expect([...distinct]).toHaveLength(1);
  });

  test.each([
    // Belarusian and Ukrainian name forms fold onto the Russian ones (EU 126365, 3411, 3413).
    [['Sergei', 'Serhii', 'Siarhei', 'Sjarhej']],
    [['Vladimir', 'Volodymyr', 'Uladzimir']],
    [['Vladimirovich', 'Uladzimiravich', 'Volodymyrovych', 'Uladzimiravitj']],
    [['Nikolaevich', 'Mykolaiovych', 'Mikalaevich']],
    // A Belarusian stem with the Russian ending, and the other way round.
    [['Yevgenyevich', 'Jauhenjevitj', 'Iauhenevich', 'Yauhenavich']],
    [['Aleksandrovna', 'Aliaksandrauna', 'Aliaksandrovna']],
    [['Lukashenko', 'Lukashenka', 'LUKASJENKA']],
    [['Sotnikov', 'Sotnikau', 'SOTNIKAU']],
    [['Igor', 'Ihar', 'Ihor']],
  ])('name forms %j share one key', (spellings) => {
    expect(new Set(spellings.map(spellingKey)).size).toBe(1);
  });

  test.each([
    ['Bush', 'Habash'],
    ['Ivanov', 'Ivanova'],
    ['Petrov', 'Petrova'],
    ['Aleksandr', 'Aleksandra'],
    ['Sergeevich', 'Sergeevna'],
    ['Kim', 'Kima'],
    ['Omar', 'Ammar'],
  ])('%s and %s stay apart', (a, b) => {
    expect(spellingKey(a)).not.toBe(spellingKey(b));
  });

  test('empty and non-letter input', () => {
    expect(spellingKey('')).toBe('');
    expect(spellingKey('-')).toBe('');
    expect(spellingKey('26165')).toBe('26165');
  });
});

describe('analyzeName: the target names meet', () => {
  test('Лукашэнка Аляксандр Рыгоравіч meets every Latin spelling of the lists and press', () => {
    const query = new Set(keys('Лукашэнка Аляксандр Рыгоравіч').flat());
    for (const name of [
      'LUKASHENKO, Alexander Grigoryevich',
      'Aliaksandr Lukašenka',
      'Łukaszenka',
      'Lukaschenko',
      'LUKASJENKA',
      'Aliaksandr Ryhoravich LUKASHENKA',
    ]) {
      const surname = analyzeName(name).latinVariants.map((variant) => variant.map(spellingKey));
      const hit = surname.some((variant) => variant.some((key) => query.has(key)));
      expect(hit, name).toBe(true);
    }
  });

  test('ООО "Ромашка" ~ Romashka LLC ~ OOO ROMASHKA', () => {
    const forms = [
      'ООО "Ромашка"',
      'Romashka LLC',
      'OOO ROMASHKA',
      'Общество с ограниченной ответственностью «Ромашка»',
    ];
    for (const name of forms) {
      const analyzed = analyzeName(name, { schema: 'Organization' });
      expect(analyzed.legalForms, name).toEqual(['llc']);
      expect(
        analyzed.latinVariants.some((variant) => variant.join(' ') === 'romashka'),
        name,
      ).toBe(true);
    }
  });
});

describe('analyzeName: homoglyphs (EU README)', () => {
  test.each([
    ['Сергiй', ['сергій'], 'Cyrl'],
    ['ТAMБOB', ['тамбов'], 'Cyrl'],
    ['Віĸтаравіч', ['віктаравіч'], 'Cyrl'],
    ['ЖУРАВЛËВА', ['журавлёва'], 'Cyrl'],
    ['Aleksandr ROMASHKІN', ['aleksandr', 'romashkin'], 'Latn'],
    ['Витaлий Пaвлович ХОЦEНКО', ['виталий', 'павлович', 'хоценко'], 'Cyrl'],
  ])('%s', (raw, tokens, script) => {
    const analyzed = analyzeName(raw, { schema: 'Person' });
    expect(analyzed.tokens).toEqual(tokens);
    expect(analyzed.script).toBe(script);
  });

  test('genuinely mixed names stay mixed', () => {
    const analyzed = analyzeName('полковник Omega');
    expect(analyzed.script).toBe('Mixed');
    expect(analyzed.latinVariants[0]).toEqual(['polkovnik', 'omega']);
  });
});

describe('analyzeName: Unicode clean-up', () => {
  test('NFKC folds full-width letters and ideographic spaces', () => {
    expect(analyzeName('Ｉｖａｎ　ＰＥＴＲＯＶ').tokens).toEqual(['ivan', 'petrov']);
  });

  test('stress accents are removed (U+0301 and precomposed ѐ ѝ, accented Latin look-alikes)', () => {
    expect(analyzeName('Гади́с Абдулла́евич').tokens).toEqual(['гадис', 'абдуллаевич']);
    expect(analyzeName('Алексé́й').tokens).toEqual(['алексей']);
    expect(analyzeName('Сѐргей').tokens).toEqual(['сергей']);
  });

  test('punctuation splits, apostrophes join, dotted abbreviations join', () => {
    expect(analyzeName("Dmitriy O'Brien-Smith (Jr.)", { schema: 'Person' }).tokens).toEqual([
      'dmitriy',
      'obrien',
      'smith',
    ]);
    expect(analyzeName('A.B. Ivanov', { schema: 'Person' }).tokens).toEqual(['ab', 'ivanov']);
  });

  test('Latin diacritics: folded variant and digraph variant', () => {
    expect(analyzeName('Aliaksandr Lukašenka').latinVariants).toEqual([
      ['aliaksandr', 'lukasenka'],
      ['aliaksandr', 'lukashenka'],
    ]);
    expect(analyzeName('Łukaszenka').latinVariants).toEqual([['lukaszenka']]);
    expect(analyzeName('Müller Straße').latinVariants).toEqual([
      ['muller', 'strasse'],
      ['mueller', 'strasse'],
    ]);
  });

  test('comma-inverted names keep the given order and say so', () => {
    const analyzed = analyzeName('LUKASHENKO, Alexander Grigoryevich', { schema: 'Person' });
    expect(analyzed.tokens).toEqual(['lukashenko', 'alexander', 'grigoryevich']);
    expect(analyzed.commaInverted).toBe(true);
    expect(analyzeName('Romashka, LLC').commaInverted).toBe(false);
    expect(analyzeName('Alexander Lukashenko').commaInverted).toBe(false);
  });

  test('other scripts fall back to any-ascii; Chinese names split surname from given name', () => {
    const chinese = analyzeName('习近平');
    expect(chinese.script).toBe('Hani');
    expect(chinese.latinVariants).toEqual([['xi', 'jinping']]);
    expect(analyzeName('Αλέξης Τσίπρας').latinVariants[0]).toEqual(['alexis', 'tsipras']);
  });
});

describe('analyzeName: legal forms', () => {
  test.each([
    ['ООО "Ромашка"', 'llc'],
    ['OOO ROMASHKA', 'llc'],
    ['Romashka Limited Liability Company', 'llc'],
    ['ТОВ "Ромашка"', 'llc'],
    ['SIA Romashka', 'llc'],
    ['UAB Romashka', 'llc'],
    ['Romashka GmbH', 'llc'],
    ['Romashka sp. z o.o.', 'llc'],
    ['Romashka s.r.o.', 'llc'],
    ['Romashka Kft.', 'llc'],
    ['АО «Ромашка»', 'jsc'],
    ['AO Romashka', 'jsc'],
    ['JSC Romashka', 'jsc'],
    ['Romashka Joint-Stock Company', 'jsc'],
    ['Romashka AS', 'jsc'],
    ['Romashka AD', 'jsc'],
    ['Акционерное общество «Ромашка»', 'jsc'],
    ['Romashka Részvénytársaság', 'jsc'],
    ['ОАО "Ромашка"', 'ojsc'],
    ['OAO Romashka', 'ojsc'],
    ['Open Joint Stock Company Romashka', 'ojsc'],
    ['Открытое акционерное общество «Ромашка»', 'ojsc'],
    ['ЗАО Ромашка', 'cjsc'],
    ['ZAO Romashka', 'cjsc'],
    ['CJSC Romashka', 'cjsc'],
    ['ПАО Ромашка', 'pjsc'],
    ['PAO Romashka', 'pjsc'],
    ['Public Joint Stock Company Romashka', 'pjsc'],
    ['Romashka PLC', 'plc'],
    ['Romashka Ltd.', 'ltd'],
    ['Romashka Inc.', 'inc'],
    ['Romashka Corporation', 'corp'],
    ['Romashka S.A.', 'sa'],
    ['Romashka AG', 'ag'],
    ['Romashka B.V.', 'bv'],
    ['Romashka LLP', 'llp'],
    ['Romashka FZCO', 'fzco'],
    ['Romashka FZE', 'fze'],
    ['ФГУП «Ромашка»', 'sue'],
  ])('%s → %s', (raw, code) => {
    const analyzed = analyzeName(raw, { schema: 'Organization' });
    expect(analyzed.legalForms).toEqual([code]);
    expect(analyzed.latinVariants[0]).toEqual(['romashka']);
  });

  test('several forms and the word "company" anywhere', () => {
    const analyzed = analyzeName('Romashka Trading Co., Ltd.', { schema: 'Organization' });
    expect(analyzed.tokens).toEqual(['romashka', 'trading']);
    expect([...analyzed.legalForms].sort()).toEqual(['co', 'ltd']);
    expect(analyzeName('Rosneft Oil Company').tokens).toEqual(['rosneft', 'oil']);
  });

  test('a person named Ao keeps it; a name that is only a legal form keeps it', () => {
    expect(analyzeName('Ao Tran', { schema: 'Person' }).tokens).toEqual(['ao', 'tran']);
    expect(analyzeName('Ao Tran', { schema: 'Person' }).legalForms).toEqual([]);
    expect(analyzeName('LLC', { schema: 'Organization' }).tokens).toEqual(['llc']);
  });

  test('short forms only at either end of the name', () => {
    expect(analyzeName('Banco SA Nacional', { schema: 'Organization' }).tokens).toEqual([
      'banco',
      'sa',
      'nacional',
    ]);
  });

  test('Chinese suffix forms', () => {
    const analyzed = analyzeName('华为技术有限公司', { schema: 'Organization' });
    expect(analyzed.legalForms).toEqual(['ltd']);
    expect(analyzed.tokens).toEqual(['华为技术']);
  });
});

describe('analyzeName: titles and honorifics', () => {
  test.each([
    ['Plukovník Oleksandr Fedorko', ['oleksandr', 'fedorko'], ['plukovnik']],
    ['полковник Иван Петров', ['иван', 'петров'], ['polkovnik']],
    ['генерал-майор Иван Петров', ['иван', 'петров'], ['general-mayor']],
    ['General Ahmad Vahidi', ['ahmad', 'vahidi'], ['general']],
    ['Dr. Ayman al-Zawahiri', ['ayman', 'al', 'zawahiri'], ['dr']],
    ['Sheikh Mohammed Ali', ['mohammed', 'ali'], ['sheikh']],
    ['Mr John Smith Jr.', ['john', 'smith'], ['mr', 'jr']],
    ['Mullah Mohammad Omar', ['mohammad', 'omar'], ['mullah']],
  ])('%s', (raw, tokens, removed) => {
    const analyzed = analyzeName(raw, { schema: 'Person' });
    expect(analyzed.tokens).toEqual(tokens);
    expect(analyzed.removed).toEqual(removed);
  });

  test('organisations keep their words, and without a schema two words must remain', () => {
    expect(analyzeName('General Motors', { schema: 'Organization' }).tokens).toEqual([
      'general',
      'motors',
    ]);
    expect(analyzeName('General Motors').tokens).toEqual(['general', 'motors']);
    expect(analyzeName('Major', { schema: 'Person' }).tokens).toEqual(['major']);
  });
});
