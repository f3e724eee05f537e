/**
 * Each scheme on spellings that real documents carry: the expected strings are aliases of the
 * same EU-listed persons in eu-fsf-2026-01-28.xml (logicalId in the comment), unless marked.
 */
import { describe, expect, test } from 'vitest';
import { guessLanguages, romanize, SCHEMES, transliterate } from './index.js';
import type { CyrillicLanguage, SchemeId } from './types.js';

const CASES: readonly (readonly [SchemeId, string, string, string?])[] = [
  // [scheme, Cyrillic, expected, language]
  // ICAO 9303: Russian and Belarusian passports.
  ['ru-icao', 'Александр Петрович КАЛАШНИКОВ', 'Aleksandr Petrovich KALASHNIKOV'], // 127726
  ['ru-icao', 'Віктар Уладзіміравіч ШЭЙМАН', 'Viktar Uladzimiravich SHEIMAN', 'be'], // 3411
  ['ru-icao', 'Уладзімір Уладзіміравіч НАВУМАЎ', 'Uladzimir Uladzimiravich NAVUMAU', 'be'], // 3413
  ['ru-icao', 'Аляксандр Рыгоравіч ЛУКАШЭНКА', 'Aliaksandr Ryhoravich LUKASHENKA', 'be'], // 126365
  ['ru-icao', 'Мар’яна', 'Mariana', 'uk'], // not from the list: ICAO has no apostrophe
  // BGN/PCGN: е iotated after vowels and ь.
  ['ru-bgn', 'Виктор Владимирович ШЕЙМАН', 'Viktor Vladimirovich SHEYMAN'], // 3411
  ['ru-bgn', 'Дмитрий Валериевич ПАВЛИЧЕНКО', 'Dmitriy Valeriyevich PAVLICHENKO'], // 3412
  ['ru-bgn', 'Григорьевич', "Grigor'yevich"],
  // English press: -y endings, x for кс, no apostrophes.
  ['press-english', 'Геннадий Николаевич ТИМЧЕНКО', 'Gennady Nikolayevich TIMCHENKO'], // 136146
  ['press-english', 'Алексей', 'Alexei'],
  ['press-english', 'Александр Григорьевич', 'Alexander Grigoryevich'], // 126365
  // ISO 9 / GOST 7.79 A.
  ['ru-gost', 'Александр Петрович Калашников', 'Aleksandr Petrovič Kalašnikov'], // 127726
  ['ru-gost', 'Щукин Эдуард Юрьевич', 'Ŝukin Èduard Ûrʹevič'],
  // Belarusian national system and Łacinka.
  ['be-national', 'Аляксандр Рыгоравіч Лукашэнка', 'Aliaksandr Ryhoravič Lukašenka'],
  ['be-national', 'Яўген', 'Jaŭhien'],
  ['be-lacinka', 'Аляксандр Рыгоравіч Лукашэнка', 'Alaksandr Ryhoravič Łukašenka'],
  ['be-lacinka', 'Мікола Statkievič', 'Mikoła Statkievič'],
  // Ukrainian national system.
  ['uk-national', 'Віктор Іванович Ратушняк', 'Viktor Ivanovych Ratushniak'], // 7270
  ['uk-national', 'Євген Згурський', 'Yevhen Zghurskyi'],
  ['uk-national', 'Юрій Їжакевич', 'Yurii Yizhakevych'],
  // Swedish (often the EU's first Latin alias).
  ['press-swedish', 'Виктор Владимирович ШЕЙМАН', 'Viktor Vladimirovitj SJEJMAN'], // 3411
  ['press-swedish', 'Дмитрий Валериевич ПАВЛИЧЕНКО', 'Dmitrij Valerijevitj PAVLITJENKO'], // 3412
  ['press-swedish', 'Александр Григорьевич Лукашенко', 'Aleksandr Grigorjevitj Lukasjenko'], // 126365
  ['press-swedish', "Дзмітрый Валер'евіч ПАЎЛІЧЭНКА", 'Dzmitryj Valerjevitj PAULITJENKA', 'be'], // 3412
  // German.
  ['press-german', 'Андрей Николаевич ДОЛГОПОЛОВ', 'Andrej Nikolajewitsch DOLGOPOLOW'], // 131566
  ['press-german', 'Денис Валентинович БЕРЕЗОВСКИЙ', 'Denis Walentinowitsch BERESOWSKI'], // 7284
  ['press-german', 'Сергей Иванович МЕНЯЙЛО', 'Sergej Iwanowitsch MENJAJLO'], // 7323 (EU: MENJAILO)
  ['press-german', 'Лукашенко', 'Lukaschenko'],
  // Polish.
  ['press-polish', 'Андрей Николаевич ДОЛГОПОЛОВ', 'Andriej Nikołajewicz DOŁGOPOŁOW'], // 131566
  ['press-polish', 'Михаил Николаевич БЕЛОУСОВ', 'Michaił Nikołajewicz BIEŁOUSOW'], // 131559
  ['press-polish', 'Лукашэнка', 'Łukaszenka', 'be'],
  // French.
  ['press-french', 'Геннадий Николаевич Тимченко', 'Guennadi Nikolaïevitch Timtchenko'], // 136146
  ['press-french', 'Станислав Евгеньевич', 'Stanislav Evguenievitch'], // 132544 (EU: Evgenievitch)
  ['press-french', 'Лукашенко', 'Loukachenko'],
  // Czech.
  ['press-czech', 'Юрий Валентинович Ковальчук', 'Jurij Valentinovič Kovalčuk'], // 7437
  ['press-czech', 'Андрей Иванютин', 'Andrej Ivanjutin'], // 146839 (EU: Ivaňutin, IVANJUTIN)
  // Lithuanian and Latvian.
  ['press-lithuanian', 'Геннадий Тимченко', 'Gennadij Timčenko'], // 136146
  ['press-lithuanian', 'Лукашенко', 'Lukašenko'],
  ['press-latvian', 'Доку Хаматович Умаров', 'Doku Hamatovič Umarov'], // 6125
  // Bulgarian and Serbian.
  ['bg-official', 'Христо Стоичков', 'Hristo Stoichkov'],
  ['bg-official', 'Щерев България', 'Shterev Balgaria'],
  ['sr-latin', 'Богољуб КАРИЋ', 'Bogoljub KARIĆ'], // EU README example
];

describe('transliterate', () => {
  test.each(
    CASES.map(([scheme, cyrillic, expected, language]) => ({
      scheme,
      cyrillic,
      expected,
      language,
    })),
  )('$scheme: $cyrillic', ({ scheme, cyrillic, expected, language }) => {
    expect(transliterate(cyrillic, scheme, language as CyrillicLanguage | undefined)).toBe(
      expected,
    );
  });

  test('every scheme is declared with a reference and covers the Russian alphabet', () => {
    const russian = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
    for (const table of Object.values(SCHEMES)) {
      expect(table.reference.length).toBeGreaterThan(10);
      const out = transliterate(russian, table.id);
      expect(out).not.toMatch(/[\u0400-\u04ff]/);
    }
  });
});

describe('guessLanguages', () => {
  test.each([
    ['Аляксандр Рыгоравіч ЛУКАШЭНКА', ['be']],
    ['Яўген', ['be']],
    ['Віктор Іванович Ратушняк', ['uk']],
    ['Євген', ['uk']],
    ['Александр Григорьевич', ['ru']],
    ['Ъгълов Българ', ['bg', 'ru']],
    ['Богољуб КАРИЋ', ['sr']],
    ['Сергій', ['uk', 'be']],
  ])('%s', (text, expected) => {
    expect(guessLanguages(text)).toEqual(expected);
  });
});

describe('romanize', () => {
  test('a Belarusian name gets its national, passport, Łacinka, press and Russian-style spellings', () => {
    const out = romanize('Аляксандр Рыгоравіч ЛУКАШЭНКА');
    expect(out).toEqual(
      expect.arrayContaining([
        'aliaksandr ryhoravich lukashenka', // ICAO / passport
        'alaksandr ryhoravic lukasenka', // Łacinka folded
        'aljaksandr ryhoravitj lukasjenka', // Swedish
        'alaksandr ryhorawicz lukaszenka', // Polish
        'aliaksandr rygoravich lukashenka', // Russian-style г
      ]),
    );
    expect(new Set(out).size).toBe(out.length);
  });

  test('a Russian name gets ICAO, BGN and the press conventions', () => {
    const out = romanize('Александр Григорьевич ЛУКАШЕНКО');
    expect(out).toEqual(
      expect.arrayContaining([
        'aleksandr grigorevich lukashenko',
        'aleksandr grigoryevich lukashenko',
        'aleksandr grigorjevitj lukasjenko',
        'alexander grigorjewitsch lukaschenko',
        'aleksandr grigorjewicz lukaszenko',
        'alexandre grigorievitch loukachenko',
      ]),
    );
  });

  test('a Serbian name gets the folded and the digraph reading', () => {
    expect(romanize('Богољуб КАРИЋ')).toEqual(
      expect.arrayContaining(['bogoljub karic', 'bogoljub karich']),
    );
  });
});
