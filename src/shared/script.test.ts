import { describe, expect, it } from 'vitest';
import { detectScript } from './script.js';

describe('detectScript', () => {
  it.each([
    ['Saddam Hussein Al-Tikriti', 'Latn'],
    ['Dušan Kovačević', 'Latn'],
    ['Аляксандр Рыгоравіч ЛУКАШЭНКА', 'Cyrl'],
    // Latin look-alikes and stress accents from the EU list do not change the script.
    ['Сергiй', 'Cyrl'],
    ['Гади́с Абдулла́евич', 'Cyrl'],
    ['Εταιρία περιορισμένης ευθύνης “Inter Tobacco”', 'Grek'],
    ['صدام حسين التكريتي', 'Arab'],
    ['김정은', 'Hang'],
    ['金正恩', 'Hani'],
    ['プーチン', 'Jpan'],
    ['ვლადიმერ პუტინი', 'Geor'],
    ['ולדימיר פוטין', 'Hebr'],
  ])('%s → %s', (name, script) => {
    expect(detectScript(name)).toBe(script);
  });

  it('gives undefined for text without letters', () => {
    expect(detectScript('123-45 / ()')).toBeUndefined();
    expect(detectScript('')).toBeUndefined();
  });
});
