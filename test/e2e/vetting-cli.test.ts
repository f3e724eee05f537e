import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/open-db.js';
import { tamperAuditLog } from '../../src/store/testing.js';
import { readPdfText } from '../../src/vetting/report/testing.js';
import type { StatisticsReport } from '../../src/vetting/statistics.js';
import { sharedData } from '../support/shared-data.js';
import { BIN, type CliRun } from './run-cli.js';

/**
 * The vetting console commands as an operator runs them: the compiled bin in a child process, a
 * temp data dir (embedded PGlite), the real UN list, passwords piped on standard input, a demo
 * year of 300 requests, and the report in JSON and PDF.
 */

const PASSWORD = 'correct horse battery staple';
let dir: string;
let env: Record<string, string>;

/** `sargas ARGS` with `input` on standard input, in `cwd` (the data dir is the test's own). */
function sargas(args: readonly string[], input = '', cwd?: string): Promise<CliRun> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: '', SARGAS_DEBUG: '', ...env },
      ...(cwd === undefined ? {} : { cwd }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Opens the data dir's PGlite while no command runs (it has one writer at a time). */
async function withStore<T>(fn: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>) {
  const db = await openDb({ dataDir: join(dir, 'data', 'pglite') });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sargas-vetting-e2e-'));
  env = { SARGAS_DATA_DIR: join(dir, 'data') };
  const imported = await sargas([
    'lists',
    'import',
    '--list',
    `un=${sharedData('lists', 'un', '2026-02-27.xml')}`,
  ]);
  expect(imported.code).toBe(0);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sargas agencies and users', () => {
  it('adds an agency, then users whose password comes from standard input', async () => {
    const agency = await sargas([
      'agencies',
      'add',
      '--code',
      'migration-dept',
      '--name',
      'Migracijos departamentas',
    ]);
    expect(agency.stderr).toBe('');
    expect(agency.code).toBe(0);
    expect(agency.stdout).toBe(
      "saved agency 'migration-dept' (Migracijos departamentas; pull only)\n",
    );

    const alice = await sargas(
      ['users', 'add', '--username', 'alice', '--role', 'analyst', '--role', 'supervisor'],
      `${PASSWORD}\nsecond line is not read\n`,
    );
    expect(alice.stderr).toBe('');
    expect(alice.code).toBe(0);
    expect(alice.stdout).toMatch(/^created user \d+ 'alice' \(analyst, supervisor\)\n$/u);

    const officer = await sargas(
      [
        'users',
        'add',
        '--username',
        'mig.system',
        '--role',
        'migration_officer',
        '--agency',
        'migration-dept',
      ],
      `${PASSWORD}\r\n`,
    );
    expect(officer.code).toBe(0);
    expect(officer.stdout).toContain("'mig.system' (migration_officer, agency migration-dept)");
  });

  it('refuses a missing or short password, an unknown role and an officer without agency', async () => {
    const cases: [string[], string, RegExp][] = [
      [['--username', 'bob', '--role', 'analyst'], '', /no password on standard input/u],
      [['--username', 'bob', '--role', 'analyst'], 'short\n', /at least 12 characters/u],
      [['--username', 'bob', '--role', 'wizard'], `${PASSWORD}\n`, /unknown role 'wizard'/u],
      [
        ['--username', 'bob', '--role', 'migration_officer'],
        `${PASSWORD}\n`,
        /a migration officer needs an agency/u,
      ],
      [['--username', 'alice', '--role', 'auditor'], `${PASSWORD}\n`, /username 'alice' is taken/u],
    ];
    for (const [args, input, message] of cases) {
      const run = await sargas(['users', 'add', ...args], input);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(new RegExp(`^sargas: .*${message.source}.*\\n$`, 'u'));
      expect(run.code).toBe(message.source.includes('taken') ? 75 : 2);
    }
  });

  it('lists users without password hashes and disables one', async () => {
    const listed = await sargas(['users', 'list', '--json']);
    expect(listed.code).toBe(0);
    const users = JSON.parse(listed.stdout) as { username: string; active: boolean }[];
    expect(users.map((user) => user.username).sort()).toEqual(['alice', 'mig.system']);
    expect(listed.stdout).not.toMatch(/argon2|password/iu);

    const disabled = await sargas(['users', 'disable', '--username', 'alice']);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toMatch(/^disabled user \d+ 'alice'/u);
    const table = await sargas(['users', 'list']);
    expect(table.stdout).toMatch(/^id\s+username\s+roles\s+agency\s+active\s+created\n/u);
    expect(table.stdout).toMatch(/\balice\s+analyst,supervisor\s+no\b/u);

    const unknown = await sargas(['users', 'disable', '--username', 'nobody']);
    expect(unknown.code).toBe(66);
    expect(unknown.stderr).toBe("sargas: no user 'nobody'\n");
  });

  it('binds an API key to a user with apikeys add --user', async () => {
    const added = await sargas([
      'apikeys',
      'add',
      '--name',
      'migration system',
      '--user',
      'mig.system',
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^sargas_[A-Za-z0-9_-]{43}\n$/u);
    expect(added.stderr).toContain("acts as user 'mig.system' on /api/v1");
    const bound = await withStore((db) =>
      db.query<{ username: string }>(
        `SELECT u.username FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.name = $1`,
        ['migration system'],
      ),
    );
    expect(bound).toEqual([{ username: 'mig.system' }]);

    const unknown = await sargas(['apikeys', 'add', '--name', 'x', '--user', 'nobody']);
    expect(unknown.code).toBe(66);
    expect(unknown.stdout).toBe('');
  });
});

describe('sargas demo seed, report and audit verify', () => {
  let report: StatisticsReport;

  beforeAll(async () => {
    const seeded = await sargas(['demo', 'seed', '--assessments', '300', '--year', '2025']);
    expect(seeded.stderr).toMatch(/^sargas demo: screening index of 1003 listed entities/mu);
    expect(seeded.stderr).toMatch(/^sargas demo: 2025-12: \d+ submitted/mu);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/^seeded 300 assessments for 2025 \(seed 1\)/u);
    const json = await sargas(['report', '--year', '2025', '--format', 'json']);
    expect(json.code).toBe(0);
    report = JSON.parse(json.stdout) as StatisticsReport;
  }, 300_000);

  it('reports the demo year in JSON: counts, shares, processing times', () => {
    expect(report.year).toBe(2025);
    expect(report.assessments).toBe(300);
    expect(report.concluded + report.pending).toBe(300);
    expect(report.threats).toBeGreaterThan(0);
    expect(report.byCitizenship[0]?.citizenship).toBe('BY');
    const share = report.byCitizenship.reduce((sum, row) => sum + row.shareOfThreats, 0);
    expect(share).toBeCloseTo(1, 10);
    expect(report.processingDays.median).toBeGreaterThan(0);
    expect(report.monthly).toHaveLength(12);
  });

  it('writes the PDF report, by default to sargas-report-YYYY.pdf', async () => {
    const run = await sargas(['report', '--year', '2025'], '', dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^wrote sargas-report-2025\\.pdf \\(\\d+ KB\\): 300 assessments, ${report.threats} threat conclusions in 2025\\n$`,
        'u',
      ),
    );
    const pdf = readFileSync(join(dir, 'sargas-report-2025.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = readPdfText(pdf);
    expect(text.pageCount).toBe(3);
    expect(text.pages[0]).toContain('Ataskaita / Отчёт / Справаздача');
    expect(text.text).toMatch(/BYBelarusBaltarusijaБеларусь\d/u);
    expect(text.notdefGlyphs).toBe(0);

    const named = await sargas(['report', '--year', '2025', '--output', join(dir, 'r.pdf')]);
    expect(named.code).toBe(0);
    expect(readPdfText(readFileSync(join(dir, 'r.pdf'))).pageCount).toBe(3);
  });

  it('refuses a bad year or format, and a second seed of the same year', async () => {
    const year = await sargas(['report', '--year', '25']);
    expect(year).toMatchObject({ code: 2, stdout: '' });
    expect(year.stderr).toBe("sargas: --year must be a four-digit year, not '25'\n");
    const format = await sargas(['report', '--year', '2025', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toBe("sargas: --format must be pdf or json, not 'xml'\n");
    const again = await sargas(['demo', 'seed', '--assessments', '10', '--year', '2025']);
    expect(again.code).toBe(75);
    expect(again.stderr).toMatch(/already holds the demo year 2025 with seed 1/u);
  });

  it('verifies the audit chain, and names the first bad entry after tampering (exit 70)', async () => {
    const intact = await sargas(['audit', 'verify']);
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^ok: true\nentries: \d+\nfirst_bad: none\n$/u);
    const entries = Number(/entries: (\d+)/u.exec(intact.stdout)?.[1]);
    expect(entries).toBeGreaterThan(600);

    await withStore((db) =>
      tamperAuditLog(db, `UPDATE audit_log SET actor = 'user:mallory' WHERE seq = 42`),
    );
    const broken = await sargas(['audit', 'verify', '--json']);
    expect(broken.code).toBe(70);
    const body = JSON.parse(broken.stdout) as {
      ok: boolean;
      entries: number;
      first_bad: { seq: number; reason: string } | null;
    };
    expect(body).toMatchObject({ ok: false, entries, first_bad: { seq: 42 } });
    expect(broken.stderr).toBe('sargas: the audit log has been altered (see first_bad)\n');
  });
});
