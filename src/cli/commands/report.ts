/**
 * `sargas report`: the yearly statistics of the vetting workflow.
 *
 *   sargas report --year 2025                      (PDF to sargas-report-2025.pdf)
 *   sargas report --year 2025 --output out.pdf
 *   sargas report --year 2025 --format json [--output stats.json]   (JSON to stdout by default)
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ValidationError } from '../../shared/errors.js';
import { renderReportPdf } from '../../vetting/report/render-pdf.js';
import type { CommandContext } from '../services.js';
import { openVetting } from './users.js';

const FORMATS = ['pdf', 'json'] as const;
type ReportFormat = (typeof FORMATS)[number];

export function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/u.test(value.trim()) || year < 1970) {
    throw new ValidationError(`--year must be a four-digit year, not '${value}'`, 'year');
  }
  return year;
}

function parseReportFormat(value: string): ReportFormat {
  if (!(FORMATS as readonly string[]).includes(value)) {
    throw new ValidationError(`--format must be pdf or json, not '${value}'`, 'format');
  }
  return value as ReportFormat;
}

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function registerReportCommand(program: Command, ctx: CommandContext): void {
  program
    .command('report')
    .description(
      'yearly vetting statistics: assessments, threat conclusions by citizenship and background, processing times, SLA breaches',
    )
    .requiredOption('--year <yyyy>', 'the year of submission to report on')
    .option('--format <format>', 'pdf or json', 'pdf')
    .option('--output <file>', 'where to write (pdf default: sargas-report-YYYY.pdf; json: stdout)')
    .action(async (options: { year: string; format: string; output?: string }) => {
      const year = parseYear(options.year);
      const format = parseReportFormat(options.format);
      const report = await (await openVetting(ctx)).statistics('cli', year);
      if (format === 'json') {
        const json = `${JSON.stringify(report, null, 2)}\n`;
        if (options.output === undefined) {
          ctx.io.stdout.write(json);
          return;
        }
        await writeFile(options.output, json, 'utf8');
        ctx.io.stderr.write(`sargas: wrote ${options.output}\n`);
        return;
      }
      const output = options.output ?? `sargas-report-${year}.pdf`;
      const pdf = await renderReportPdf(report);
      await writeFile(output, pdf);
      ctx.io.stdout.write(
        `wrote ${output} (${kilobytes(pdf.length)}): ${report.assessments} assessments, ${report.threats} threat conclusions in ${year}\n`,
      );
    });
}
