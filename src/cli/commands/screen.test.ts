import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.js';
import { bufferIo } from '../io.js';
import type { CliServices, CommandContext } from '../services.js';
import { registerScreenCommand, runScreen } from './screen.js';

/** A small real list: the EU export's header and the entities that mention LUKASHENKO. */
function smallEuList(dir: string): string {
  const xml = readFileSync(sharedData('lists', 'eu', 'eu-fsf-2026-01-28.xml'), 'utf8');
  const start = xml.indexOf('<sanctionEntity');
  const blocks = xml.slice(start).split(/(?=<sanctionEntity[\s>])/u);
  const picked = blocks
    .filter((block) => /LUKASHENKO|KISLYAK/u.test(block))
    .map((block) => block.replace(/<\/export>\s*$/u, ''));
  const path = join(dir, 'eu-small.xml');
  writeFileSync(path, `${xml.slice(0, start)}${picked.join('')}\n</export>\n`);
  return path;
}

const HEADER = 'id,schema,name,birth_date,nationality,id_number,note';

let dir = '';
let list = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sargas-screen-'));
  list = smallEuList(dir);
});

function csv(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${[HEADER, ...lines].join('\n')}\n`);
  return path;
}

function readResults(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

interface Match {
  entity_id: string;
  list: string;
  score: number;
  match: boolean;
  name: string;
  explanation: { features: unknown[]; matched_name: string | null };
}

describe('sargas screen', () => {
  it('writes one JSON line per query in input order, matches sorted by score', async () => {
    const input = csv('queries.csv', [
      'q1,Person,Лукашэнка Аляксандр Рыгоравіч,1954-08-30,,,extra cells are ignored',
      'q2,Person,Totally Unrelated Person,,,,',
      'q3,Person,Sergei Ivanovich KISLYAK,,,,',
      'q4,Person,Aliaksandr Lukašenka,1954,BY,,',
    ]);
    const output = join(dir, 'results.jsonl');
    const io = bufferIo();
    const summary = await runScreen(
      { list: [{ source: 'eu', path: list }], input, output, limit: 3 },
      io,
    );
    expect(summary.queries).toBe(4);
    const results = readResults(output);
    expect(results.map((result) => result.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
    for (const result of results) {
      const matches = result.matches as Match[];
      expect(matches.length).toBeLessThanOrEqual(3);
      const scores = matches.map((match) => match.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const match of matches) {
        expect(Object.keys(match)).toEqual(
          expect.arrayContaining(['entity_id', 'list', 'score', 'match', 'name', 'explanation']),
        );
        expect(match.entity_id).toMatch(/^eu:\d+$/u);
        expect(match.list).toBe('eu');
      }
    }
    const q1 = (results[0]!.matches as Match[])[0]!;
    expect(q1.match).toBe(true);
    expect(q1.explanation.matched_name).toMatch(/LUKASHENK|Лукашэнка|Лукашенко/iu);
    expect((results[1]!.matches as Match[]).some((match) => match.match)).toBe(false);
    expect((results[2]!.matches as Match[])[0]?.match).toBe(true);
    expect((results[3]!.matches as Match[])[0]?.match).toBe(true);
  });

  it.each([
    ['q1,Person,Ivan Ivanov,1954-13-01,,,', 'line 2', 'birth_date'],
    ['q1,Company,Ivan Ivanov,,,,', 'line 2', 'schema'],
    [',Person,Ivan Ivanov,,,,', 'line 2', 'id'],
    ['q1,Person,Ivan Ivanov', 'line 2', 'columns'],
  ])('rejects a malformed row (%s) with its line number', async (row, line, field) => {
    const input = csv('bad.csv', [row]);
    const promise = runScreen(
      { list: [{ source: 'eu', path: list }], input, output: join(dir, 'bad.jsonl') },
      bufferIo(),
    );
    await expect(promise).rejects.toThrow(line);
    await expect(promise).rejects.toThrow(field);
  });

  it('reports the line of a later bad row', async () => {
    const input = csv('bad-later.csv', [
      'q1,Person,Ivan Ivanov,,,,',
      'q2,Person,Ivan Ivanov,1954-02-30,,,',
    ]);
    await expect(
      runScreen(
        { list: [{ source: 'eu', path: list }], input, output: join(dir, 'x.jsonl') },
        bufferIo(),
      ),
    ).rejects.toThrow(/bad-later\.csv, line 3, field 'birth_date'/u);
  });

  it('with --on-error skip, records the bad row in the output and goes on', async () => {
    const input = csv('skip.csv', [
      'q1,Person,Sergey KISLYAK,,,,',
      'q2,Person,Ivan Ivanov,30.08.1954,,,',
      'q3,Person,Sergey KISLYAK,,,,',
    ]);
    const output = join(dir, 'skip.jsonl');
    const summary = await runScreen(
      { list: [{ source: 'eu', path: list }], input, output, onError: 'skip' },
      bufferIo(),
    );
    expect(summary).toMatchObject({ queries: 2, errors: 1 });
    const results = readResults(output);
    expect(results.map((result) => result.id)).toEqual(['q1', 'q2', 'q3']);
    expect(results[1]!.error).toMatch(/line 3.*birth_date/u);
    expect(results[1]!.matches).toBeUndefined();
  });

  it('parses its options through commander', async () => {
    const input = csv('cli.csv', ['q1,Person,Sergey KISLYAK,,,,']);
    const output = join(dir, 'cli.jsonl');
    const io = bufferIo();
    const ctx: CommandContext = { services: {} as CliServices, io, exitCode: 0 };
    const program = new Command('sargas').exitOverride();
    registerScreenCommand(program, ctx);
    await program.parseAsync(
      [
        'screen',
        '--list',
        `eu=${list}`,
        '--input',
        input,
        '--output',
        output,
        '--limit',
        '1',
        '--threshold',
        '0.99',
      ],
      { from: 'user' },
    );
    const results = readResults(output);
    expect((results[0]!.matches as Match[]).length).toBe(1);
    expect(io.out()).toMatch(/screened 1 queries/u);
    const bad = new Command('sargas').exitOverride();
    registerScreenCommand(bad, ctx);
    for (const command of bad.commands) {
      command.exitOverride().configureOutput({ writeErr: () => {} });
    }
    await expect(
      bad.parseAsync(
        ['screen', '--list', `eu=${list}`, '--input', input, '--output', output, '--limit', '0'],
        {
          from: 'user',
        },
      ),
    ).rejects.toThrow(/limit/u);
  });
});
