import { beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../demo/random.js';
import type { StatisticsRow } from '../ports.js';
import { computeStatistics, type StatisticsReport } from '../statistics.js';
import { RISK_CATEGORIES } from '../types.js';
import { renderReportPdf } from './render-pdf.js';
import { REPORT_TITLE_LINE } from './report-document.js';
import { type PdfText, parseToUnicode, readPdfText } from './testing.js';

/** A year of 4,000 cases over seven citizenships, Belarus first, with every background category. */
async function sampleReport(): Promise<StatisticsReport> {
  const random = new SeededRandom(11);
  const citizenships = ['BY', 'BY', 'BY', 'UA', 'TJ', 'KZ', 'LT', 'GE', 'UZ'];
  const rows: StatisticsRow[] = [];
  for (let index = 0; index < 4_000; index += 1) {
    const submitted = Date.UTC(2025, 0, 1) + random.int(0, 364) * 86_400_000;
    const concluded = random.chance(0.95);
    const categories = random.chance(0.06) ? [random.pick(RISK_CATEGORIES)] : [];
    const threat = concluded && random.chance(categories.length > 0 ? 0.3 : 0.005);
    rows.push({
      caseId: `case-${index}`,
      permitType: 'work_permit',
      citizenship: [random.pick(citizenships)],
      status: concluded ? 'approved' : 'in_review',
      conclusion: concluded ? (threat ? 'threat' : 'no_objection') : null,
      submittedAt: new Date(submitted).toISOString(),
      concludedAt: concluded
        ? new Date(submitted + random.int(1, 40) * 86_400_000).toISOString()
        : null,
      deadline: new Date(submitted + 30 * 86_400_000).toISOString(),
      categories,
      flagged: categories.length > 0,
    });
  }
  async function* stream() {
    yield* rows;
  }
  return computeStatistics(stream(), 2025, '2026-01-15T08:00:00.000Z');
}

describe('renderReportPdf', () => {
  let report: StatisticsReport;
  let pdf: Buffer;
  let read: PdfText;

  beforeAll(async () => {
    report = await sampleReport();
    pdf = await renderReportPdf(report);
    read = readPdfText(pdf);
  });

  it('writes a PDF of three pages: summary with monthly charts, citizenship, background', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(read.pageCount).toBe(3);
    expect(read.pages[0]).toContain('Vetting statistics 2025');
    expect(read.pages[1]).toContain('Threat conclusions by citizenship¹');
    expect(read.pages[2]).toContain('Threat conclusions by background category');
    for (const page of [1, 2, 3]) {
      expect(read.pages[page - 1]).toContain(
        `Sargas · vetting statistics 2025 · page ${page} of 3`,
      );
    }
  });

  it('holds Lithuanian, Russian and Belarusian as real text, every glyph from the embedded Roboto', () => {
    expect(read.fonts.length).toBeGreaterThan(0);
    for (const font of read.fonts) expect(font).toMatch(/^[A-Z]{6}\+Roboto-/u);
    // Each line is one text object in the PDF, decoded through the fonts' ToUnicode maps.
    expect(read.pages[0]).toContain(REPORT_TITLE_LINE);
    expect(read.pages[0]).toContain('Saugumo patikrinimų statistika, 2025 m.');
    expect(read.pages[0]).toContain('Статистика проверок безопасности за 2025 год');
    expect(read.pages[0]).toContain('Статыстыка праверак бяспекі за 2025 год');
    // Country names in three languages (Belarus, Tajikistan, Lithuania) and a category name.
    expect(read.text).toMatch(/BYBelarusBaltarusijaБеларусь/u);
    expect(read.text).toMatch(/TJTajikistanTadžikijaТаджикистан/u);
    expect(read.text).toMatch(/LTLithuaniaLietuvaЛитва/u);
    expect(read.text).toMatch(/Armed forcesGinkluotosios pajėgosВооружённые силы/u);
    // Nothing was drawn as an empty box, and every code shown maps back to a character.
    expect(read.notdefGlyphs).toBe(0);
    expect(read.unmappedCodes).toBe(0);
  });

  it('shows the figures of the report', () => {
    const grouped = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/gu, '\u2009');
    expect(read.pages[0]).toContain(`Assessments submitted${grouped(report.assessments)}`);
    expect(read.pages[0]).toContain(`Threat conclusions${grouped(report.threats)}`);
    expect(read.pages[0]).toContain(
      `Processing time, median (nearest rank)${report.processingDays.median?.toFixed(2)} days`,
    );
    expect(read.pages[0]).toContain(`SLA breaches${grouped(report.slaBreaches)}`);
    const belarus = report.byCitizenship.find((row) => row.citizenship === 'BY')!;
    expect(read.text).toContain(
      `BYBelarusBaltarusijaБеларусь${grouped(belarus.assessments)}${belarus.threats}${(belarus.shareOfThreats * 100).toFixed(1)} %`,
    );
  });

  it('says in a footnote that shares by citizenship are statistics, never a risk score', () => {
    expect(read.text.replace(/\n/gu, '')).toContain('They are statistics, never a risk score');
    expect(read.text).toContain('nearest-rank');
  });

  it('draws the monthly charts as vector rectangles, one per month with a count', () => {
    const nonZero =
      report.monthly.filter((month) => month.assessments > 0).length +
      report.monthly.filter((month) => month.threats > 0).length;
    expect(read.rectangles[0]).toBe(nonZero);
    // The citizenship chart: one bar per citizenship with a threat.
    expect(read.rectangles[1]).toBe(report.byCitizenship.filter((row) => row.threats > 0).length);
  });

  it('would catch tofu: a label the font cannot draw is counted as .notdef', async () => {
    const broken = {
      ...report,
      byCategory: [{ category: '未知', assessments: 1, threats: 0, shareOfThreats: 0 }],
    };
    const text = readPdfText(await renderReportPdf(broken));
    expect(text.notdefGlyphs).toBeGreaterThan(0);
  });

  it('renders an empty year without figures it does not have', async () => {
    async function* none(): AsyncIterable<StatisticsRow> {}
    const empty = readPdfText(
      await renderReportPdf(await computeStatistics(none(), 2024, '2025-01-02T00:00:00.000Z')),
    );
    expect(empty.pageCount).toBe(3);
    expect(empty.pages[0]).toContain('Processing time, median (nearest rank)n/a');
    expect(empty.notdefGlyphs).toBe(0);
  });
});

describe('parseToUnicode', () => {
  it('reads bfchar pairs and both bfrange forms, including multi-character ligatures', () => {
    const map = parseToUnicode(`
      2 beginbfchar
      <0003> <0041>
      <0004> <0066 0069>
      endbfchar
      1 beginbfrange
      <0010> <0012> <0430>
      endbfrange
      1 beginbfrange
      <0020> <0022> [<0451> <00660066> <0042>]
      endbfrange`);
    expect(map.get(3)).toBe('A');
    expect(map.get(4)).toBe('fi');
    expect([map.get(16), map.get(17), map.get(18)]).toEqual(['а', 'б', 'в']);
    expect([map.get(32), map.get(33), map.get(34)]).toEqual(['ё', 'ff', 'B']);
  });
});
