/**
 * The yearly statistics report as a pdfmake document definition (pure data; `render-pdf.ts`
 * turns it into bytes). Labels are English; the title line, the country names and the category
 * names also appear in Lithuanian and Russian or Belarusian, which is what the report's readers
 * use, and which proves the embedded font covers Cyrillic and Latin Extended-A.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { StatisticsReport } from '../statistics.js';
import { NO_CATEGORY, UNKNOWN_CITIZENSHIP } from '../statistics.js';
import { horizontalBarChart, verticalBarChart } from './charts.js';
import { countryNames } from './country-names.js';

/** The report's header line: "Report" in Lithuanian, Russian and Belarusian. */
export const REPORT_TITLE_LINE = 'Ataskaita / Отчёт / Справаздача';

/** Rows shown per table before the rest is summed into one "other" row. */
const MAX_COUNTRY_ROWS = 20;

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** Background categories in English, Lithuanian and Russian. */
const CATEGORY_NAMES: Readonly<Record<string, readonly [string, string, string]>> = {
  designated_employer: [
    'Designated organisation as employer',
    'Įtrauktas į sąrašą darbdavys',
    'Работодатель из санкционного перечня',
  ],
  internal_affairs: [
    'Internal affairs / state institutions',
    'Vidaus reikalai / valstybės institucijos',
    'Органы внутренних дел / госучреждения',
  ],
  armed_forces: ['Armed forces', 'Ginkluotosios pajėgos', 'Вооружённые силы'],
  military_industry: [
    'Military industry / strategic objects',
    'Karinė pramonė / strateginiai objektai',
    'Военная промышленность / стратегические объекты',
  ],
  [NO_CATEGORY]: ['No background indicator', 'Nėra rizikos požymių', 'Нет признаков риска'],
};

function categoryNames(category: string): readonly [string, string, string] {
  return CATEGORY_NAMES[category] ?? [category, category, category];
}

export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

function formatInteger(value: number): string {
  // A thin space groups thousands: the same in every language the report is read in.
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/gu, '\u2009');
}

function formatDays(value: number | null): string {
  return value === null ? 'n/a' : `${value.toFixed(2)} days`;
}

function headerRow(cells: readonly string[]): TableCell[] {
  return cells.map((text) => ({ text, style: 'tableHeader' }));
}

function numberCell(text: string): TableCell {
  return { text, alignment: 'right' };
}

interface GroupRow {
  readonly key: string;
  readonly assessments: number;
  readonly threats: number;
  readonly shareOfThreats: number;
}

/** The first `limit` groups, and the rest summed into one row (so the table still sums). */
function topWithOther(rows: readonly GroupRow[], limit: number): GroupRow[] {
  if (rows.length <= limit) return [...rows];
  const rest = rows.slice(limit - 1);
  return [
    ...rows.slice(0, limit - 1),
    {
      key: `other (${rest.length})`,
      assessments: rest.reduce((sum, row) => sum + row.assessments, 0),
      threats: rest.reduce((sum, row) => sum + row.threats, 0),
      shareOfThreats: rest.reduce((sum, row) => sum + row.shareOfThreats, 0),
    },
  ];
}

function countryLabel(code: string): { en: string; lt: string; ru: string } {
  if (code === UNKNOWN_CITIZENSHIP) {
    return { en: 'not declared', lt: 'nenurodyta', ru: 'не указано' };
  }
  if (!/^[A-Z]{2}$/u.test(code)) return { en: code, lt: '', ru: '' };
  return countryNames(code);
}

function summaryTable(report: StatisticsReport): Content {
  const rows: [string, string][] = [
    ['Assessments submitted', formatInteger(report.assessments)],
    ['Concluded', formatInteger(report.concluded)],
    ['Threat conclusions', formatInteger(report.threats)],
    ['No-objection conclusions', formatInteger(report.noObjections)],
    ['Not yet concluded', formatInteger(report.pending)],
    ['Flagged by triage for an analyst', formatInteger(report.flagged)],
    ['Processing time, median (nearest rank)', formatDays(report.processingDays.median)],
    ['Processing time, 95th percentile (nearest rank)', formatDays(report.processingDays.p95)],
    ['SLA breaches', formatInteger(report.slaBreaches)],
    ['   concluded after the deadline', formatInteger(report.slaBreachDetail.concludedLate)],
    [
      `   open past the deadline at ${report.slaCutoff.slice(0, 10)}`,
      formatInteger(report.slaBreachDetail.openOverdue),
    ],
  ];
  return {
    table: {
      widths: ['*', 140],
      body: rows.map(([label, value]) => [label, numberCell(value)]),
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 12],
  };
}

function citizenshipSection(report: StatisticsReport): Content[] {
  const rows = topWithOther(
    report.byCitizenship.map((row) => ({ ...row, key: row.citizenship })),
    MAX_COUNTRY_ROWS,
  );
  const body: TableCell[][] = [
    headerRow(['Code', 'Country', 'Šalis', 'Страна', 'Assessments', 'Threats', 'Share of threats']),
    ...rows.map((row) => {
      const names = countryLabel(row.key);
      return [
        row.key,
        names.en,
        names.lt,
        names.ru,
        numberCell(formatInteger(row.assessments)),
        numberCell(formatInteger(row.threats)),
        numberCell(formatPercent(row.shareOfThreats)),
      ];
    }),
  ];
  return [
    { text: 'Threat conclusions by citizenship¹', style: 'heading', pageBreak: 'before' },
    {
      table: { headerRows: 1, widths: [28, '*', '*', '*', 58, 42, 52], body },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    },
    { text: 'Share of threat conclusions', style: 'subheading' },
    horizontalBarChart(
      rows
        .filter((row) => row.threats > 0)
        .map((row) => ({
          label: `${row.key} ${countryLabel(row.key).ru}`.trim(),
          value: row.shareOfThreats,
          caption: formatPercent(row.shareOfThreats),
        })),
      { maximum: 1 },
    ),
  ];
}

function categorySection(report: StatisticsReport): Content[] {
  const body: TableCell[][] = [
    headerRow([
      'Background category²',
      'Lietuviškai',
      'По-русски',
      'Assessments',
      'Threats',
      'Share',
    ]),
    ...report.byCategory.map((row) => {
      const [en, lt, ru] = categoryNames(row.category);
      return [
        en,
        lt,
        ru,
        numberCell(formatInteger(row.assessments)),
        numberCell(formatInteger(row.threats)),
        numberCell(formatPercent(row.shareOfThreats)),
      ];
    }),
  ];
  return [
    { text: 'Threat conclusions by background category', style: 'heading', pageBreak: 'before' },
    {
      table: { headerRows: 1, widths: ['*', '*', '*', 58, 42, 40], body },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    },
    { text: 'Share of threat conclusions', style: 'subheading' },
    horizontalBarChart(
      report.byCategory.map((row) => ({
        label: categoryNames(row.category)[0],
        value: row.shareOfThreats,
        caption: formatPercent(row.shareOfThreats),
      })),
      { maximum: 1 },
    ),
  ];
}

function monthlySection(report: StatisticsReport): Content[] {
  const bars = (pick: (month: StatisticsReport['monthly'][number]) => number) =>
    report.monthly.map((month) => ({
      label: MONTHS[month.month - 1] ?? String(month.month),
      value: pick(month),
      caption: formatInteger(pick(month)),
    }));
  return [
    { text: 'Assessments per month of submission', style: 'heading' },
    verticalBarChart(bars((month) => month.assessments)),
    { text: 'Threat conclusions per month of submission', style: 'heading' },
    verticalBarChart(bars((month) => month.threats)),
  ];
}

function footnotes(report: StatisticsReport): Content {
  const notes = [
    '¹ Shares by citizenship describe the year’s caseload: how many of the threat conclusions ' +
      'concerned applicants of each citizenship. They are statistics, never a risk score: ' +
      'citizenship alone raises no indicator in triage and is never a reason for a conclusion. ' +
      'Each case counts once, under its first declared citizenship.',
    '² Background category: the first risk category triage raised on the declared employment ' +
      '(a designated organisation as employer ranks first), or none. Each case counts once.',
    `Cases submitted in ${report.year} (UTC), as they stood at ${report.generatedAt}. ` +
      'Processing time runs from submission to conclusion; percentiles use the nearest-rank ' +
      'definition (the value at rank ceil(p/100 × n) of the n sorted times). An SLA breach is a ' +
      'case concluded after its deadline, or still open past it at ' +
      `${report.slaCutoff.slice(0, 10)}. Monthly counts are by month of submission.`,
  ];
  return {
    stack: notes.map((text) => ({ text, style: 'footnote' })),
    margin: [0, 16, 0, 0],
    unbreakable: true,
  };
}

export function reportDocument(report: StatisticsReport): TDocumentDefinitions {
  return {
    info: {
      title: `Sargas vetting statistics ${report.year}`,
      subject: REPORT_TITLE_LINE,
      creator: 'Sargas',
    },
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: {
      title: { fontSize: 18, bold: true },
      languages: { fontSize: 12, color: '#444444' },
      heading: { fontSize: 12, bold: true, margin: [0, 14, 0, 6] },
      subheading: { fontSize: 9, bold: true, margin: [0, 8, 0, 4] },
      tableHeader: { bold: true },
      footnote: { fontSize: 7, color: '#444444', margin: [0, 0, 0, 4] },
    },
    footer: (currentPage, pageCount) => ({
      text: `Sargas · vetting statistics ${report.year} · page ${currentPage} of ${pageCount}`,
      fontSize: 7,
      color: '#666666',
      alignment: 'center',
    }),
    content: [
      { text: REPORT_TITLE_LINE, style: 'languages' },
      { text: `Vetting statistics ${report.year}`, style: 'title' },
      {
        text: [
          `Saugumo patikrinimų statistika, ${report.year} m.\n`,
          `Статистика проверок безопасности за ${report.year} год\n`,
          `Статыстыка праверак бяспекі за ${report.year} год`,
        ],
        style: 'languages',
        margin: [0, 4, 0, 12],
      },
      summaryTable(report),
      ...monthlySection(report),
      ...citizenshipSection(report),
      ...categorySection(report),
      footnotes(report),
    ],
  };
}
