/**
 * Name pools of the synthetic applicants: common given names and surnames per citizenship, each
 * in the script of the country's documents and in the Latin form a passport prints. A demo
 * person is a random combination of these, i.e. an invented person (a combination may of course
 * coincide with a real name: that is the false-positive load a real service sees as well).
 *
 * The citizenship weights give the skew the issue describes: most applicants come from one
 * neighbouring country (Belarus), then Ukraine, then Central Asia and the Caucasus.
 */

/** `[native script, Latin as in the passport]`. */
export type NamePair = readonly [string, string];

/** A surname in its male and female forms (the same pair twice where it does not change). */
export interface Surname {
  readonly male: NamePair;
  readonly female: NamePair;
}

export interface NamePool {
  readonly citizenship: string;
  /** Relative share of the applicants. */
  readonly weight: number;
  /** Passport number prefixes (two letters), followed by seven digits. */
  readonly passportPrefixes: readonly string[];
  readonly male: readonly NamePair[];
  readonly female: readonly NamePair[];
  readonly surnames: readonly Surname[];
}

/** A surname whose female form adds `-а` / `-a` (Ivanov → Ivanova). */
function slavic(native: string, latin: string, femaleLatin = `${latin}A`): Surname {
  return { male: [native, latin], female: [`${native}а`, femaleLatin] };
}

/** A Belarusian surname in `-ў` / `-U` (Latin form as Belarusian passports print it). */
function belarusianU(stem: string, latinStem: string): Surname {
  return { male: [`${stem}ў`, `${latinStem}U`], female: [`${stem}ва`, `${latinStem}VA`] };
}

function invariant(native: string, latin: string): Surname {
  return { male: [native, latin], female: [native, latin] };
}

function pairs(text: string): NamePair[] {
  return text
    .trim()
    .split(/\s*;\s*/u)
    .map((entry) => {
      const [native, latin] = entry.split('|');
      if (native === undefined || latin === undefined) throw new Error(`bad name pair '${entry}'`);
      return [native.trim(), latin.trim()] as const;
    });
}

export const NAME_POOLS: readonly NamePool[] = [
  {
    citizenship: 'BY',
    weight: 55,
    passportPrefixes: ['MP', 'MC', 'KH', 'HB', 'AB', 'BM'],
    male: pairs(`Сяргей|SIARHEI; Аляксандр|ALIAKSANDR; Андрэй|ANDREI; Дзмітрый|DZMITRY;
      Мікалай|MIKALAI; Павел|PAVEL; Уладзімір|ULADZIMIR; Віктар|VIKTAR; Юрый|YURY; Максім|MAKSIM;
      Ігар|IHAR; Вадзім|VADZIM; Яўген|YAUHEN; Арцём|ARTSIOM; Кірыл|KIRYL; Раман|RAMAN`),
    female: pairs(`Вольга|VOLHA; Наталля|NATALLIA; Таццяна|TATSIANA; Святлана|SVIATLANA;
      Ірына|IRYNA; Алена|ALENA; Марына|MARYNA; Ганна|HANNA; Юлія|YULIYA; Кацярына|KATSIARYNA;
      Вікторыя|VIKTORYIA; Людміла|LIUDMILA`),
    surnames: [
      belarusianU('Кавалё', 'KAVALIO'),
      belarusianU('Івано', 'IVANO'),
      belarusianU('Новіка', 'NOVIKA'),
      belarusianU('Казло', 'KAZLO'),
      belarusianU('Лукашо', 'LUKASHO'),
      belarusianU('Маро', 'MARO'),
      belarusianU('Петро', 'PETRO'),
      belarusianU('Васілеўскі', 'VASILEUSKI'),
      invariant('Шаўчук', 'SHAUCHUK'),
      invariant('Ткачук', 'TKACHUK'),
      invariant('Мельнік', 'MELNIK'),
      invariant('Кавальчук', 'KAVALCHUK'),
      { male: ['Жук', 'ZHUK'], female: ['Жук', 'ZHUK'] },
      { male: ['Макарэвіч', 'MAKAREVICH'], female: ['Макарэвіч', 'MAKAREVICH'] },
      { male: ['Карповіч', 'KARPOVICH'], female: ['Карповіч', 'KARPOVICH'] },
      { male: ['Астроўскі', 'ASTROUSKI'], female: ['Астроўская', 'ASTROUSKAYA'] },
      { male: ['Савіцкі', 'SAVITSKI'], female: ['Савіцкая', 'SAVITSKAYA'] },
      { male: ['Лысенка', 'LYSENKA'], female: ['Лысенка', 'LYSENKA'] },
    ],
  },
  {
    citizenship: 'UA',
    weight: 20,
    passportPrefixes: ['FA', 'FB', 'FC', 'EK', 'EH', 'GA'],
    male: pairs(`Олександр|OLEKSANDR; Сергій|SERHII; Андрій|ANDRII; Дмитро|DMYTRO; Микола|MYKOLA;
      Володимир|VOLODYMYR; Віктор|VIKTOR; Юрій|YURII; Іван|IVAN; Богдан|BOHDAN; Тарас|TARAS;
      Олег|OLEH; Василь|VASYL; Максим|MAKSYM`),
    female: pairs(`Олена|OLENA; Наталія|NATALIIA; Тетяна|TETIANA; Ірина|IRYNA; Оксана|OKSANA;
      Юлія|YULIIA; Марія|MARIIA; Світлана|SVITLANA; Галина|HALYNA; Катерина|KATERYNA`),
    surnames: [
      invariant('Шевченко', 'SHEVCHENKO'),
      invariant('Бондаренко', 'BONDARENKO'),
      invariant('Коваленко', 'KOVALENKO'),
      invariant('Ткаченко', 'TKACHENKO'),
      invariant('Кравченко', 'KRAVCHENKO'),
      invariant('Олійник', 'OLIINYK'),
      invariant('Шевчук', 'SHEVCHUK'),
      invariant('Поліщук', 'POLISHCHUK'),
      invariant('Мельник', 'MELNYK'),
      invariant('Бойко', 'BOIKO'),
      invariant('Ковальчук', 'KOVALCHUK'),
      invariant('Лисенко', 'LYSENKO'),
      { male: ['Савчук', 'SAVCHUK'], female: ['Савчук', 'SAVCHUK'] },
      { male: ['Марченко', 'MARCHENKO'], female: ['Марченко', 'MARCHENKO'] },
    ],
  },
  {
    citizenship: 'UZ',
    weight: 5,
    passportPrefixes: ['AA', 'AB', 'AC', 'FA'],
    male: pairs(`Рустам|RUSTAM; Азиз|AZIZ; Бахтиёр|BAKHTIYOR; Жасур|JASUR; Шерзод|SHERZOD;
      Улугбек|ULUGBEK; Фаррух|FARRUKH; Достон|DOSTON; Илхом|ILKHOM; Тимур|TIMUR`),
    female: pairs(`Дилноза|DILNOZA; Гулнора|GULNORA; Нигора|NIGORA; Малика|MALIKA;
      Шахноза|SHAKHNOZA; Зарина|ZARINA`),
    surnames: [
      slavic('Каримов', 'KARIMOV'),
      slavic('Рахимов', 'RAKHIMOV'),
      slavic('Юсупов', 'YUSUPOV'),
      slavic('Исмоилов', 'ISMOILOV'),
      slavic('Алимов', 'ALIMOV'),
      slavic('Султанов', 'SULTANOV'),
      slavic('Тошматов', 'TOSHMATOV'),
      slavic('Норматов', 'NORMATOV'),
    ],
  },
  {
    citizenship: 'KZ',
    weight: 4,
    passportPrefixes: ['N0', 'N1'],
    male: pairs(`Нурлан|NURLAN; Ерлан|YERLAN; Асхат|ASKHAT; Данияр|DANIYAR; Айдос|AIDOS;
      Бауыржан|BAUYRZHAN; Ержан|YERZHAN; Арман|ARMAN`),
    female: pairs(`Айгерим|AIGERIM; Динара|DINARA; Гульнар|GULNAR; Асель|ASSEL; Жанар|ZHANAR;
      Сауле|SAULE`),
    surnames: [
      slavic('Нурланов', 'NURLANOV'),
      slavic('Сериков', 'SERIKOV'),
      slavic('Жумабаев', 'ZHUMABAYEV'),
      slavic('Ахметов', 'AKHMETOV'),
      slavic('Касымов', 'KASSYMOV'),
      slavic('Омаров', 'OMAROV'),
      slavic('Бекмухамбетов', 'BEKMUKHAMBETOV'),
    ],
  },
  {
    citizenship: 'RU',
    weight: 3,
    passportPrefixes: ['75', '76', '77'],
    male: pairs(`Сергей|SERGEI; Александр|ALEKSANDR; Андрей|ANDREI; Дмитрий|DMITRII;
      Николай|NIKOLAI; Владимир|VLADIMIR; Алексей|ALEKSEI; Михаил|MIKHAIL; Евгений|EVGENII;
      Игорь|IGOR`),
    female: pairs(`Ольга|OLGA; Наталья|NATALIA; Татьяна|TATIANA; Елена|ELENA; Ирина|IRINA;
      Анна|ANNA; Мария|MARIIA; Екатерина|EKATERINA`),
    surnames: [
      slavic('Смирнов', 'SMIRNOV'),
      slavic('Кузнецов', 'KUZNETSOV'),
      slavic('Попов', 'POPOV'),
      slavic('Соколов', 'SOKOLOV'),
      slavic('Лебедев', 'LEBEDEV'),
      slavic('Козлов', 'KOZLOV'),
      slavic('Новиков', 'NOVIKOV'),
      slavic('Морозов', 'MOROZOV'),
      slavic('Волков', 'VOLKOV'),
      slavic('Фёдоров', 'FEDOROV'),
    ],
  },
  {
    citizenship: 'TJ',
    weight: 3,
    passportPrefixes: ['40', '50'],
    male: pairs(`Фирдавс|FIRDAVS; Сухроб|SUKHROB; Далер|DALER; Манучехр|MANUCHEHR;
      Бахром|BAKHROM; Комрон|KOMRON; Шахриёр|SHAHRIYOR`),
    female: pairs(`Мадина|MADINA; Нилуфар|NILUFAR; Фарзона|FARZONA; Гулчехра|GULCHEHRA`),
    surnames: [
      slavic('Рахмонов', 'RAKHMONOV'),
      slavic('Саидов', 'SAIDOV'),
      slavic('Назаров', 'NAZAROV'),
      slavic('Шарипов', 'SHARIPOV'),
      slavic('Холов', 'KHOLOV'),
      slavic('Давлатов', 'DAVLATOV'),
    ],
  },
  {
    citizenship: 'IN',
    weight: 3,
    passportPrefixes: ['J1', 'K2', 'M3', 'P4', 'T5', 'V6'],
    male: pairs(`Rahul|RAHUL; Amit|AMIT; Vikram|VIKRAM; Sandeep|SANDEEP; Arjun|ARJUN;
      Manpreet|MANPREET; Gurpreet|GURPREET; Rajesh|RAJESH`),
    female: pairs(`Priya|PRIYA; Anjali|ANJALI; Sunita|SUNITA; Neha|NEHA; Kavita|KAVITA`),
    surnames: [
      invariant('Singh', 'SINGH'),
      invariant('Kumar', 'KUMAR'),
      invariant('Sharma', 'SHARMA'),
      invariant('Patel', 'PATEL'),
      invariant('Gill', 'GILL'),
      invariant('Sandhu', 'SANDHU'),
      invariant('Reddy', 'REDDY'),
    ],
  },
  {
    citizenship: 'KG',
    weight: 2,
    passportPrefixes: ['AC', 'ID'],
    male: pairs(`Азамат|AZAMAT; Бакыт|BAKYT; Нурбек|NURBEK; Эрлан|ERLAN; Улан|ULAN; Адилет|ADILET`),
    female: pairs(`Айпери|AIPERI; Гульмира|GULMIRA; Нуриза|NURIZA; Жибек|ZHIBEK`),
    surnames: [
      slavic('Абдыкадыров', 'ABDYKADYROV'),
      slavic('Токтогулов', 'TOKTOGULOV'),
      slavic('Жээнбеков', 'ZHEENBEKOV'),
      slavic('Осмонов', 'OSMONOV'),
      slavic('Мамытов', 'MAMYTOV'),
    ],
  },
  {
    citizenship: 'GE',
    weight: 1.5,
    passportPrefixes: ['13', '14', '15'],
    male: pairs(`გიორგი|GIORGI; დავით|DAVIT; ლევან|LEVAN; ირაკლი|IRAKLI; ნიკოლოზ|NIKOLOZ`),
    female: pairs(`ნინო|NINO; მარიამ|MARIAM; თამარ|TAMAR; ეკატერინე|EKATERINE`),
    surnames: [
      invariant('ბერიძე', 'BERIDZE'),
      invariant('მაისურაძე', 'MAISURADZE'),
      invariant('კაპანაძე', 'KAPANADZE'),
      invariant('გელაშვილი', 'GELASHVILI'),
      invariant('ლომიძე', 'LOMIDZE'),
    ],
  },
  {
    citizenship: 'MD',
    weight: 1,
    passportPrefixes: ['AB', 'BA'],
    male: pairs(`Ion|ION; Vasile|VASILE; Mihai|MIHAI; Andrei|ANDREI; Sergiu|SERGIU`),
    female: pairs(`Maria|MARIA; Elena|ELENA; Ana|ANA; Natalia|NATALIA`),
    surnames: [
      invariant('Rusu', 'RUSU'),
      invariant('Ceban', 'CEBAN'),
      invariant('Ciobanu', 'CIOBANU'),
      invariant('Lungu', 'LUNGU'),
      invariant('Munteanu', 'MUNTEANU'),
    ],
  },
  {
    citizenship: 'AZ',
    weight: 1,
    passportPrefixes: ['C0', 'C1'],
    male: pairs(`Elvin|ELVIN; Rashad|RASHAD; Orxan|ORKHAN; Tural|TURAL; Elnur|ELNUR`),
    female: pairs(`Aysel|AYSEL; Leyla|LEYLA; Gunel|GUNEL; Nigar|NIGAR`),
    surnames: [
      { male: ['Məmmədov', 'MAMMADOV'], female: ['Məmmədova', 'MAMMADOVA'] },
      { male: ['Əliyev', 'ALIYEV'], female: ['Əliyeva', 'ALIYEVA'] },
      { male: ['Hüseynov', 'HUSEYNOV'], female: ['Hüseynova', 'HUSEYNOVA'] },
      { male: ['Həsənov', 'HASANOV'], female: ['Həsənova', 'HASANOVA'] },
    ],
  },
  {
    citizenship: 'AM',
    weight: 0.5,
    passportPrefixes: ['AM', 'AR'],
    male: pairs(`Արամ|ARAM; Դավիթ|DAVIT; Տիգրան|TIGRAN; Հայկ|HAYK`),
    female: pairs(`Անի|ANI; Նարինե|NARINE; Լիլիթ|LILIT`),
    surnames: [
      invariant('Հովհաննիսյան', 'HOVHANNISYAN'),
      invariant('Պետրոսյան', 'PETROSYAN'),
      invariant('Սարգսյան', 'SARGSYAN'),
      invariant('Գրիգորյան', 'GRIGORYAN'),
    ],
  },
  {
    citizenship: 'LT',
    weight: 1,
    passportPrefixes: ['23', '24'],
    male: pairs(`Jonas|JONAS; Tomas|TOMAS; Mantas|MANTAS; Lukas|LUKAS; Žygimantas|ZYGIMANTAS`),
    female: pairs(`Rūta|RUTA; Eglė|EGLE; Gintarė|GINTARE; Ieva|IEVA; Aušra|AUSRA`),
    surnames: [
      { male: ['Kazlauskas', 'KAZLAUSKAS'], female: ['Kazlauskienė', 'KAZLAUSKIENE'] },
      { male: ['Petrauskas', 'PETRAUSKAS'], female: ['Petrauskaitė', 'PETRAUSKAITE'] },
      { male: ['Jankauskas', 'JANKAUSKAS'], female: ['Jankauskienė', 'JANKAUSKIENE'] },
      { male: ['Žukauskas', 'ZUKAUSKAS'], female: ['Žukauskaitė', 'ZUKAUSKAITE'] },
    ],
  },
];
