import type { ListVersion } from '../lists/ports.js';

/** `5795 entities (Person 4302, Organization 1493)` */
export function describeCounts(
  total: number,
  bySchema: Readonly<Partial<Record<string, number>>>,
): string {
  const parts = Object.entries(bySchema)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([schema, count]) => `${schema} ${count}`);
  return `${total} entities${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

export function day(iso: string | null): string {
  return iso === null ? 'unknown' : iso.slice(0, 10);
}

/** `version 3, 5795 entities (Person 4302, Organization 1493), 29000 names, published 2026-01-28` */
export function describeVersion(version: ListVersion): string {
  return `version ${version.id}, ${describeCounts(version.entityCount, version.countsBySchema)}, ${version.nameCount} names, published ${day(version.publishedAt)}`;
}

/** A plain text table: columns padded to their widest cell; numbers right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const numeric = header.map(
    (_, column) => rows.length > 0 && rows.every((row) => /^\d[\d,.]*$/u.test(row[column] ?? '')),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

export function versionsTable(versions: readonly ListVersion[]): string {
  return table(
    ['id', 'list', 'current', 'entities', 'names', 'published', 'imported', 'sha256'],
    versions.map((version) => [
      String(version.id),
      version.source,
      version.current ? 'yes' : '',
      String(version.entityCount),
      String(version.nameCount),
      day(version.publishedAt),
      version.importedAt.slice(0, 19).replace('T', ' '),
      version.sha256.slice(0, 12),
    ]),
  );
}
