import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../test/support/shared-data.js';
import { importList } from '../lists/import-list.js';
import type { ListVersion } from '../lists/ports.js';
import { readList } from '../lists/read-list.js';
import type { Entity } from '../model/entity.js';
import {
  type Alert,
  decideAlert,
  importSubjects,
  type JobKind,
  runRescreenJob,
} from '../screening/monitor/index.js';
import { fixedClock } from '../shared/clock.js';
import { InvalidTransitionError, ParseError, ValidationError } from '../shared/errors.js';
import type { DbHandle } from './db.js';
import { ListRepository } from './list-repository.js';
import { MonitoringRepositoryStore } from './monitoring-repository.js';
import { DIALECTS, openTestDb } from './testing.js';

const UN_V1 = sharedData('lists', 'un', '2026-01-28.xml');
const UN_V2 = sharedData('lists', 'un', '2026-02-27.xml');
/** The four Sudan listings 2026-02-27 adds to 2026-01-28 (see shared/data/README.md). */
const SUDAN = ['un:6909526', 'un:6909527', 'un:6909528', 'un:6909529'] as const;

const clock = fixedClock('2026-03-01T09:00:00.000Z');

/** Invented names from made-up syllables: nothing on a sanctions list looks like them. */
function inventedNames(count: number): string[] {
  const first = ['Quorvel', 'Zimbrath', 'Pellquist', 'Xandrevo', 'Trumwaldi', 'Oskeverin'];
  const last = ['Vrilhaven', 'Dobblestrand', 'Kwazimoor', 'Plenthorpe', 'Ubbelgrisk', 'Yarrowick'];
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) {
    names.push(`${first[i % first.length]} ${last[Math.floor(i / first.length) % last.length]}`);
  }
  return names;
}

function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => (/[",\n]/u.test(cell) ? `"${cell.replace(/"/gu, '""')}"` : cell)).join(',')}\n`;
}

async function entitiesOf(path: string, ids: readonly string[]): Promise<Entity[]> {
  const list = await readList({ dataset: 'un', path });
  const found: Entity[] = [];
  for await (const entity of list.entities) if (ids.includes(entity.id)) found.push(entity);
  return ids.map((id) => found.find((entity) => entity.id === id)!);
}

describe.each(DIALECTS)('monitoring on %s', (dialect) => {
  let db: DbHandle;
  let dir: string;
  let store: MonitoringRepositoryStore;
  let lists: ListRepository;
  let v1: ListVersion;
  let known: Entity;
  let sudan: Entity[];
  const subjectsCsv = () => join(dir, 'subjects.csv');

  const deps = () => ({ store, lists, clock });
  async function importUn(path: string): Promise<ListVersion> {
    const result = await importList({ store: lists, clock }, { dataset: 'un', path });
    expect(result.status).toBe('imported');
    return result.version;
  }
  async function rescreen(kind: JobKind, version: ListVersion | null) {
    const job = await store.createJob(
      {
        kind,
        versionId: version?.id ?? null,
        source: version?.source ?? null,
        requestedBy: 'test',
      },
      clock.now().toISOString(),
    );
    return runRescreenJob(deps(), job.id);
  }
  const alertOf = (alerts: readonly Alert[], externalId: string, entityId: string) =>
    alerts.find((alert) => alert.externalId === externalId && alert.entityId === entityId);

  beforeAll(async () => {
    db = await openTestDb(dialect);
    dir = await mkdtemp(join(tmpdir(), 'sargas-monitor-'));
    store = new MonitoringRepositoryStore(db);
    lists = new ListRepository(db);
    v1 = await importUn(UN_V1);
    sudan = await entitiesOf(UN_V2, SUDAN);
    // The first individual of the older version: already listed before the update.
    const list = await readList({ dataset: 'un', path: UN_V1 });
    for await (const entity of list.entities) {
      if (entity.schema === 'Person') {
        known = entity;
        break;
      }
    }
    let csv = csvLine(['id', 'schema', 'name', 'birth_date', 'nationality', 'id_number']);
    sudan.forEach((entity, i) => {
      csv += csvLine([`sudan-${i + 1}`, 'Person', entity.caption, '', 'sd', '']);
    });
    csv += csvLine(['known-1', 'Person', known.caption, '', '', '']);
    inventedNames(300).forEach((name, i) => {
      csv += csvLine([`filler-${i + 1}`, 'Person', name, `19${50 + (i % 50)}`, 'fr', '']);
    });
    await writeFile(subjectsCsv(), csv);
  });
  afterAll(async () => {
    await db?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('imports subjects from CSV and re-imports by external id', async () => {
    const first = await importSubjects(deps(), { path: subjectsCsv() });
    expect(first).toEqual({ rows: 305, inserted: 305, updated: 0, unchanged: 0 });
    const again = await importSubjects(deps(), { path: subjectsCsv() });
    expect(again).toEqual({ rows: 305, inserted: 0, updated: 0, unchanged: 305 });

    const changed = join(dir, 'changed.csv');
    await writeFile(
      changed,
      'id,schema,name,birth_date,nationality,id_number\nfiller-1,Person,Quorvel Vrilhaven,1950,be,\nnew-1,Organization,Glimmerfax Holdings,,,\n',
    );
    expect(await importSubjects(deps(), { path: changed })).toEqual({
      rows: 2,
      inserted: 1,
      updated: 1,
      unchanged: 0,
    });
    expect(await store.countSubjects()).toBe(306);
  });

  it('rejects a file with a bad row, naming its line, and changes nothing', async () => {
    const bad = join(dir, 'bad.csv');
    await writeFile(
      bad,
      'id,schema,name,birth_date,nationality,id_number\nok-1,Person,Brisk Tamberlane,,,\n\nok-2,Person,Corvin Ashdale,,,\nbad-1,Person,Dunmore Fitch,1975-13-40,,\n',
    );
    const error = await importSubjects(deps(), { path: bad }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).location).toMatchObject({
      file: 'bad.csv',
      line: 5,
      field: 'birth_date',
    });
    const duplicate = join(dir, 'duplicate.csv');
    await writeFile(
      duplicate,
      'id,schema,name,birth_date,nationality,id_number\nd-1,Person,Brisk Tamberlane,,,\nd-1,Person,Corvin Ashdale,,,\n',
    );
    await expect(importSubjects(deps(), { path: duplicate })).rejects.toThrow(
      /duplicate\.csv, line 3, field 'id': subject id 'd-1' appears twice \(first on line 2\)/u,
    );
    expect(await store.countSubjects()).toBe(306);
  });

  it('a full re-screen raises alerts on the current lists, and only where names match', async () => {
    const job = await rescreen('full', null);
    expect(job).toMatchObject({ state: 'completed', processed: 306, total: 306, error: null });
    const alerts = await store.listAlerts();
    expect(job.alertsRaised).toBe(alerts.length);
    expect(alertOf(alerts, 'known-1', known.id)).toMatchObject({
      status: 'open',
      source: 'un',
      versionId: v1.id,
      entityCaption: known.caption,
    });
    expect(alerts.filter((alert) => /^(filler|new)-/u.test(alert.externalId))).toEqual([]);
    // The Sudan listings are not in this version.
    expect(alerts.filter((alert) => (SUDAN as readonly string[]).includes(alert.entityId))).toEqual(
      [],
    );
    const [raised] = await store.decisions(alertOf(alerts, 'known-1', known.id)!.id);
    expect(raised).toMatchObject({ action: 'raised', actor: 'system', toStatus: 'open' });
  });

  it('a delta re-screen after the UN update raises exactly the alerts on the added entities', async () => {
    const before = await store.listAlerts();
    const v2 = await importUn(UN_V2);
    const job = await rescreen('delta', v2);
    expect(job.state).toBe('completed');
    // Only subjects sharing a name key with the four new listings were looked at.
    expect(job.total).toBeGreaterThanOrEqual(4);
    expect(job.total).toBeLessThan(50);
    expect(job.processed).toBe(job.total);

    const after = await store.listAlerts();
    const added = after.filter((alert) => !before.some((old) => old.id === alert.id));
    expect(job.alertsRaised).toBe(added.length);
    for (const alert of added) expect(SUDAN).toContain(alert.entityId);
    for (const alert of added) expect(alert.versionId).toBe(v2.id);
    sudan.forEach((entity, i) => {
      expect(alertOf(added, `sudan-${i + 1}`, entity.id)).toMatchObject({
        status: 'open',
        source: 'un',
      });
    });
    // Unchanged entities were not screened again: the earlier alerts are exactly as they were.
    expect(after.filter((alert) => before.some((old) => old.id === alert.id))).toEqual(before);
  });

  it('keeps decided pairs suppressed until the list entity changes', async () => {
    const alerts = await store.listAlerts();
    const dismissed = alertOf(alerts, 'sudan-1', SUDAN[0])!;
    const confirmed = alertOf(alerts, 'sudan-2', SUDAN[1])!;
    const removedOpen = alertOf(alerts, 'sudan-3', SUDAN[2])!;
    const untouched = alertOf(alerts, 'sudan-4', SUDAN[3])!;

    await expect(
      decideAlert(deps(), {
        alertId: dismissed.id,
        decision: 'dismissed',
        actor: 'ana',
        reason: ' ',
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    const decided = await decideAlert(deps(), {
      alertId: dismissed.id,
      decision: 'dismissed',
      actor: 'ana',
      reason: 'different person: born 1990, not Sudanese',
    });
    expect(decided.status).toBe('dismissed');
    await decideAlert(deps(), {
      alertId: confirmed.id,
      decision: 'confirmed',
      actor: 'ben',
      reason: 'same passport',
    });

    // The same version screened again: nothing is raised, decisions hold.
    const v2 = (await lists.currentVersion('un'))!;
    const repeat = await rescreen('delta', v2);
    expect(repeat.alertsRaised).toBe(0);
    expect((await store.getAlert(dismissed.id))!.status).toBe('dismissed');

    // A new version changes listing 1 (one alias respelt) and drops listing 3.
    const xml = await readFile(UN_V2, 'utf8');
    const modified = xml
      .replace('<ALIAS_NAME>ABU NASHUK</ALIAS_NAME>', '<ALIAS_NAME>ABU NASHOUK</ALIAS_NAME>')
      .replace(/<INDIVIDUAL>\s*<DATAID>6909528<\/DATAID>[\s\S]*?<\/INDIVIDUAL>/u, '');
    expect(modified.length).toBeLessThan(xml.length);
    const v3path = join(dir, 'un-v3.xml');
    await writeFile(v3path, modified);
    const v3 = await importUn(v3path);
    const job = await rescreen('delta', v3);
    expect(job).toMatchObject({ state: 'completed', alertsRaised: 1, alertsClosed: 1 });

    const reopened = (await store.getAlert(dismissed.id))!;
    expect(reopened).toMatchObject({ status: 'open', versionId: v3.id });
    expect(reopened.entityHash).not.toBe(dismissed.entityHash);
    expect((await store.getAlert(confirmed.id))!.status).toBe('confirmed');
    expect((await store.getAlert(removedOpen.id))!.status).toBe('list_removed');
    expect(await store.getAlert(untouched.id)).toEqual(untouched);

    const history = await store.decisions(dismissed.id);
    expect(history.map((entry) => [entry.action, entry.actor, entry.toStatus])).toEqual([
      ['raised', 'system', 'open'],
      ['dismissed', 'ana', 'dismissed'],
      ['reopened', 'system', 'open'],
    ]);
    expect(history[1]).toMatchObject({
      reason: 'different person: born 1990, not Sudanese',
      fromStatus: 'open',
      at: clock.now().toISOString(),
    });
    await expect(
      decideAlert(deps(), {
        alertId: removedOpen.id,
        decision: 'confirmed',
        actor: 'ana',
        reason: 'late',
      }),
    ).rejects.toBeInstanceOf(InvalidTransitionError);
  });

  it('keeps the decision history append-only', async () => {
    await expect(db.query('UPDATE alert_decisions SET actor = $1', ['mallory'])).rejects.toThrow(
      /append-only/u,
    );
    await expect(db.query('DELETE FROM alert_decisions')).rejects.toThrow(/append-only/u);
  });
});
