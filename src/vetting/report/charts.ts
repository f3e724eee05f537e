/**
 * Bar charts as pdfmake vector shapes (`canvas` rectangles and lines), so they stay sharp at any
 * zoom and need no image library. Labels are ordinary text cells beside or under the shapes, so
 * they are real, searchable text in the PDF.
 */
import type { CanvasElement, Content } from 'pdfmake/interfaces.js';

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** What is printed beside the bar (default: the value). */
  readonly caption?: string;
}

const BAR_COLOR = '#2f5d8a';
const AXIS_COLOR = '#888888';

/** A rounded-up axis maximum (1, 2 or 5 times a power of ten) so bar lengths compare at a glance. */
export function niceMaximum(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (value <= step * power) return step * power;
  }
  return 10 * power;
}

/** The length of a bar of `value` on an axis of `maximum` drawn `span` points long. */
export function barLength(value: number, maximum: number, span: number): number {
  if (!(maximum > 0) || !(value > 0)) return 0;
  return Math.min(span, (value / maximum) * span);
}

/**
 * Horizontal bars, one table row each: label | bar | caption. `barWidth` is the longest bar in
 * points.
 */
export function horizontalBarChart(
  bars: readonly Bar[],
  options: { readonly barWidth?: number; readonly maximum?: number } = {},
): Content {
  // pdfmake cannot lay out a table without rows.
  if (bars.length === 0) return { text: 'nothing to chart', fontSize: 8, italics: true };
  const barWidth = options.barWidth ?? 220;
  const maximum = options.maximum ?? niceMaximum(Math.max(0, ...bars.map((bar) => bar.value)));
  return {
    table: {
      widths: ['*', barWidth, 60],
      body: bars.map((bar) => {
        const length = barLength(bar.value, maximum, barWidth);
        const shapes: CanvasElement[] = [
          { type: 'line', x1: 0, y1: 0, x2: 0, y2: 10, lineWidth: 0.5, lineColor: AXIS_COLOR },
        ];
        if (length > 0)
          shapes.push({ type: 'rect', x: 0, y: 1, w: length, h: 8, color: BAR_COLOR });
        return [
          { text: bar.label, fontSize: 8 },
          { canvas: shapes },
          { text: bar.caption ?? String(bar.value), fontSize: 8, alignment: 'right' },
        ];
      }),
    },
    layout: 'noBorders',
  };
}

/**
 * Vertical bars in equal slots (e.g. the twelve months), with the value above each bar and the
 * label under it, and a baseline.
 */
export function verticalBarChart(
  bars: readonly Bar[],
  options: { readonly slotWidth?: number; readonly height?: number } = {},
): Content {
  const slot = options.slotWidth ?? 38;
  const height = options.height ?? 110;
  const maximum = niceMaximum(Math.max(0, ...bars.map((bar) => bar.value)));
  const shapes: CanvasElement[] = [];
  bars.forEach((bar, index) => {
    const length = barLength(bar.value, maximum, height);
    if (length > 0) {
      shapes.push({
        type: 'rect',
        x: index * slot + slot * 0.15,
        y: height - length,
        w: slot * 0.7,
        h: length,
        color: BAR_COLOR,
      });
    }
  });
  shapes.push({
    type: 'line',
    x1: 0,
    y1: height,
    x2: bars.length * slot,
    y2: height,
    lineWidth: 0.5,
    lineColor: AXIS_COLOR,
  });
  const row = (texts: readonly string[]): Content => ({
    columns: texts.map((text) => ({ width: slot, text, fontSize: 7, alignment: 'center' })),
    columnGap: 0,
  });
  return {
    stack: [
      row(bars.map((bar) => bar.caption ?? String(bar.value))),
      { canvas: shapes, margin: [0, 2, 0, 2] },
      row(bars.map((bar) => bar.label)),
      { text: `axis: 0 to ${maximum}`, fontSize: 7, color: AXIS_COLOR, margin: [0, 2, 0, 0] },
    ],
  };
}
