import { describe, expect, it } from 'vitest';
import { barLength, horizontalBarChart, niceMaximum, verticalBarChart } from './charts.js';
import { countryNames } from './country-names.js';

describe('niceMaximum', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMaximum(0)).toBe(1);
    expect(niceMaximum(0.37)).toBe(0.5);
    expect(niceMaximum(1)).toBe(1);
    expect(niceMaximum(13)).toBe(20);
    expect(niceMaximum(440)).toBe(500);
    expect(niceMaximum(501)).toBe(1000);
    expect(niceMaximum(10_131)).toBe(20_000);
  });
});

describe('barLength', () => {
  it('scales to the axis and never leaves it', () => {
    expect(barLength(50, 100, 200)).toBe(100);
    expect(barLength(0, 100, 200)).toBe(0);
    expect(barLength(150, 100, 200)).toBe(200);
    expect(barLength(5, 0, 200)).toBe(0);
  });
});

describe('bar charts', () => {
  it('draw one rectangle per non-zero bar, scaled to the axis', () => {
    const chart = verticalBarChart(
      [
        { label: 'Jan', value: 40 },
        { label: 'Feb', value: 0 },
        { label: 'Mar', value: 100 },
      ],
      { height: 100 },
    ) as { stack: { canvas?: { type: string; h?: number }[] }[] };
    const shapes = chart.stack.find((item) => item.canvas !== undefined)?.canvas ?? [];
    expect(shapes.filter((shape) => shape.type === 'rect').map((shape) => shape.h)).toEqual([
      40, 100,
    ]);
  });

  it('say so instead of drawing an empty table', () => {
    expect(horizontalBarChart([])).toMatchObject({ text: 'nothing to chart' });
  });
});

describe('countryNames', () => {
  it('names a country in English, Lithuanian and Russian, and falls back to the code', () => {
    expect(countryNames('BY')).toEqual({
      code: 'BY',
      en: 'Belarus',
      lt: 'Baltarusija',
      ru: 'Беларусь',
    });
    expect(countryNames('QQ')).toEqual({ code: 'QQ', en: 'QQ', lt: 'QQ', ru: 'QQ' });
    expect(countryNames('nonsense').en).toBe('nonsense');
  });
});
