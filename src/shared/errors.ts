/**
 * Domain errors. They carry a stable `code` and never an HTTP status or exit code: the API maps
 * codes to statuses in one table, the CLI maps them to exit codes in another.
 */
export type ErrorCode =
  | 'validation'
  | 'parse'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'invalid_transition'
  | 'integrity'
  | 'download'
  | 'unauthenticated';

export class SargasError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = Object.freeze({ ...details });
  }
}

/** A user's input is wrong; `field` names the offending field (a dotted path). */
export class ValidationError extends SargasError {
  constructor(
    message: string,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super('validation', message, field === undefined ? {} : { field }, options);
  }
}

/** Where in a list file a problem was found. Every field that is known is set. */
export interface ParseLocation {
  readonly file: string;
  readonly line?: number;
  readonly element?: string;
  readonly field?: string;
}

/** A list file is malformed. The message names the file, the line or element, and the field. */
export class ParseError extends SargasError {
  readonly location: ParseLocation;

  constructor(location: ParseLocation, problem: string, options?: { cause?: unknown }) {
    super('parse', `${formatLocation(location)}: ${problem}`, { ...location, problem }, options);
    this.location = location;
  }
}

export function formatLocation(location: ParseLocation): string {
  const parts = [location.file];
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  if (location.element !== undefined) parts.push(`element <${location.element}>`);
  if (location.field !== undefined) parts.push(`field '${location.field}'`);
  return parts.join(', ');
}

export class NotFoundError extends SargasError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('not_found', message, details);
  }
}

export class ForbiddenError extends SargasError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('forbidden', message, details);
  }
}

export class ConflictError extends SargasError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('conflict', message, details);
  }
}

export class InvalidTransitionError extends SargasError {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super('invalid_transition', `cannot move from '${from}' to '${to}'`, { from, to });
  }
}

/**
 * The caller could not be identified (a failed login, an unknown or expired session). Deliberately
 * vague: it never says whether the user exists or which part was wrong.
 */
export class UnauthenticatedError extends SargasError {
  constructor(message = 'invalid credentials') {
    super('unauthenticated', message);
  }
}

export class IntegrityError extends SargasError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('integrity', message, details);
  }
}

/** A download of a list from its publisher failed (network, HTTP status, checksum). */
export class DownloadError extends SargasError {
  constructor(
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super('download', message, details, options);
  }
}

export function isSargasError(error: unknown): error is SargasError {
  return error instanceof SargasError;
}

/**
 * The string `code` a thrown value carries, or undefined: Node's system errors (`EADDRINUSE`,
 * `ENOENT`) and both database drivers' SQLSTATEs (`23505`) put it there.
 */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error as { code: unknown };
  return typeof code === 'string' ? code : undefined;
}
