/**
 * `sargas demo seed`: a synthetic year of assessments through the real workflow (see
 * `vetting/demo/seed-year.ts`), for demonstrations and for the statistics report at scale.
 *
 *   sargas demo seed --assessments 121577 [--seed 1] [--year 2025]
 */
import type { Command } from 'commander';
import { systemClock } from '../../shared/clock.js';
import { ValidationError } from '../../shared/errors.js';
import { seedYear } from '../../vetting/demo/seed-year.js';
import type { CommandContext } from '../services.js';
import { parseYear } from './report.js';
import { openVettingAdmin } from './users.js';

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const number = Number(value.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ValidationError(
      `${flag} must be a whole number from ${min} to ${max}, not '${value}'`,
      flag.slice(2),
    );
  }
  return number;
}

export function registerDemoCommands(program: Command, ctx: CommandContext): Command {
  const demo = program.command('demo').description('synthetic data for demonstrations');
  demo
    .command('seed')
    .description(
      'replay a synthetic year of assessment requests (invented people, real listed entities where a hit is meant) through triage, analysts and supervisors',
    )
    .requiredOption('--assessments <n>', 'requests in the year (the real service: 121577)')
    .option('--seed <s>', 'the same seed gives the same year', '1')
    .option('--year <yyyy>', 'a past year (default: last year)')
    .action(async (options: { assessments: string; seed: string; year?: string }) => {
      const count = wholeNumber('--assessments', options.assessments, 1, 1_000_000);
      const seed = wholeNumber('--seed', options.seed, 0, 2_147_483_647);
      const year =
        options.year === undefined
          ? systemClock.now().getUTCFullYear() - 1
          : parseYear(options.year);
      const admin = await openVettingAdmin(ctx);
      const summary = await seedYear(
        {
          store: admin.store,
          lists: admin.lists,
          sla: admin.sla,
          clock: systemClock,
          serviceWith: (options_) => admin.serviceWith(options_),
        },
        {
          count,
          seed,
          year,
          onProgress: (progress) => ctx.io.stderr.write(`sargas demo: ${progress.message}\n`),
        },
      );
      const { planted } = summary;
      const lines = [
        `seeded ${summary.submitted} assessments for ${year} (seed ${seed}), agency demo-migration`,
        `triage: ${summary.triage.flagged} flagged, ${summary.triage.qaSample} QA sample, ${summary.triage.clean} clean (${(summary.ms.triage / 1000).toFixed(1)} s)`,
        `proposals: ${summary.proposals.threat} threat, ${summary.proposals.noObjection} no objection, ${summary.proposals.returned} returned once`,
        `concluded: ${summary.approved} approved by a supervisor, ${summary.signedOff} clean cases signed off; ${summary.open} open at the year's end`,
        `planted: listed persons ${planted.listPersonsFlagged}/${planted.listPersons} flagged, listed employers ${planted.listedEmployersFlagged}/${planted.listedEmployers}, security backgrounds ${planted.backgroundsFlagged}/${planted.backgrounds}`,
        `took ${(summary.ms.total / 1000).toFixed(1)} s; see \`sargas report --year ${year}\``,
      ];
      ctx.io.stdout.write(`${lines.join('\n')}\n`);
    });
  return demo;
}
