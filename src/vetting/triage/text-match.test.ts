import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../shared/errors.js';
import { analyzeText, compilePattern, findPattern } from './text-match.js';

function find(text: string, pattern: string): string | null {
  return findPattern(analyzeText(text), compilePattern(pattern));
}

describe('findPattern', () => {
  it.each([
    ['MVD of the Republic of Belarus', 'МВД', 'mvd'],
    ['МВД Республики Беларусь', 'MVD', 'мвд'],
    ['KGB', 'КГБ', 'kgb'],
    ['Управление КГБ по Минской области', 'KGB', 'кгб'],
    ['Minoborony Rossii', 'Минобороны', 'minoborony'],
    ['УВД Мингорисполкома', 'УВД', 'увд'],
    ['ОАО «МЗКТ»', 'MZKT', 'мзкт'],
    ['Belarusian militsiya', 'милиция', 'militsiya'],
    ['Генеральный штаб Вооруженных Сил Республики Беларусь', 'Вооруж* Сил*', 'вооруженных сил'],
    ['Министерства обороны', 'Министерств* обороны', 'министерства обороны'],
    ['войсковая часть 3214', 'войсков* част*', 'войсковая часть'],
    ['Концерн ВКО «Алмаз-Антей»', 'Almaz-Antey', 'алмаз антей'],
    ['officer of the Internal Troops', 'internal troops', 'internal troops'],
    ['ГУБОПиК МВД', 'GUBOPiK', 'губопик'],
    ['US Army Corps', 'army', 'army'],
    ['MВД (with a Latin M)', 'МВД', 'мвд'],
  ])('%s ~ %s', (text, pattern, matched) => {
    expect(find(text, pattern)).toBe(matched);
  });

  it.each([
    ['Harmony Trading LLC', 'army'],
    ['Armyansky Trading', 'army'],
    ['Chief Financial Officer', 'офицер'],
    ['Police Academy Films Ltd', 'police officer'],
    ['Министерство образования', 'Министерств* обороны'],
    ['ООО Ромашка', 'МВД'],
    ['Security Committee', 'State Security Committee'],
    ['Силовые агрегаты', 'Вооруж* Сил*'],
  ])('%s does not contain %s', (text, pattern) => {
    expect(find(text, pattern)).toBeNull();
  });

  it('needs the words of a phrase to be consecutive and in order', () => {
    expect(find('Committee for State Security', 'State Security Committee')).toBeNull();
    expect(find('State Security Committee of Belarus', 'State Security Committee')).toBe(
      'state security committee',
    );
  });
});

describe('compilePattern', () => {
  it.each([
    ['', 'has no word'],
    ['   ', 'has no word'],
    ['—', 'has no word'],
    ['Мин*обороны', "'*' may only end a word"],
    ['ми*', 'too short to match by prefix'],
  ])('refuses %j', (pattern, problem) => {
    expect(() => compilePattern(pattern)).toThrow(ValidationError);
    expect(() => compilePattern(pattern)).toThrow(problem);
  });

  it('keeps a pattern word that is also a legal form', () => {
    expect(compilePattern('ООО').words).toHaveLength(1);
  });
});
