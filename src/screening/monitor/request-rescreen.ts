import { NotFoundError, ValidationError } from '../../shared/errors.js';
import type { JobQueue, ListReader, MonitoringStore } from './ports.js';
import type { RescreenJob } from './types.js';

export interface RescreenRequest {
  /** `full`: all subjects against all current lists. `delta`: one list version's changes. */
  readonly kind: 'full' | 'delta';
  /** Delta: the list version (default: the newest imported version of any list). */
  readonly versionId?: number;
  /** Delta: the current version of this list (instead of `versionId`). */
  readonly source?: string;
  readonly requestedBy: string;
}

export interface RescreenDepsForRequest {
  readonly store: MonitoringStore;
  readonly lists: ListReader;
  readonly queue: JobQueue;
}

/** Checks a re-screen request and queues it as a job; returns the queued job. */
export async function requestRescreen(
  deps: RescreenDepsForRequest,
  request: RescreenRequest,
): Promise<RescreenJob> {
  if (request.kind === 'full') {
    if (request.versionId !== undefined) {
      throw new ValidationError('a full re-screen takes no list version', 'version');
    }
    if (request.source !== undefined) {
      throw new ValidationError('a full re-screen covers every list: give no list', 'source');
    }
    return deps.queue.enqueue({
      kind: 'full',
      versionId: null,
      source: null,
      requestedBy: request.requestedBy,
    });
  }
  if (request.versionId !== undefined && request.source !== undefined) {
    throw new ValidationError('give a list version or a list, not both', 'source');
  }
  if (request.source !== undefined) {
    const current = await deps.lists.currentVersion(request.source);
    if (current === null) {
      throw new NotFoundError(`list '${request.source}' has no imported version`, {
        source: request.source,
      });
    }
    return queueDelta(deps, current, request.requestedBy);
  }
  const version =
    request.versionId === undefined
      ? ((await deps.lists.listVersions()).sort((a, b) => b.id - a.id)[0] ?? null)
      : await deps.lists.getVersion(request.versionId);
  if (version === null) {
    throw request.versionId === undefined
      ? new NotFoundError('no list has been imported yet: nothing to re-screen against')
      : new NotFoundError(`list version ${request.versionId} does not exist`, {
          version: request.versionId,
        });
  }
  return queueDelta(deps, version, request.requestedBy);
}

function queueDelta(
  deps: RescreenDepsForRequest,
  version: { readonly id: number; readonly source: string },
  requestedBy: string,
): Promise<RescreenJob> {
  return deps.queue.enqueue({
    kind: 'delta',
    versionId: version.id,
    source: version.source,
    requestedBy,
  });
}

/**
 * The hook for the composition root after a list import: when subjects are under watch and the
 * import created a new version, queue the delta re-screen of that version. Returns the job, or
 * null when there is nothing to do.
 */
export async function onListImported(
  deps: RescreenDepsForRequest,
  imported: {
    readonly status: 'imported' | 'unchanged';
    readonly version: { readonly id: number };
  },
  requestedBy = 'lists import',
): Promise<RescreenJob | null> {
  if (imported.status !== 'imported') return null;
  if ((await deps.store.countSubjects()) === 0) return null;
  return requestRescreen(deps, {
    kind: 'delta',
    versionId: imported.version.id,
    requestedBy,
  });
}
