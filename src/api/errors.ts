import type { ErrorCode } from '../shared/errors.js';

/**
 * HTTP status of each domain error code, in one table (Marble's `present_error.go`). Domain errors
 * carry no status; the CLI maps the same codes to exit codes in `cli/exit.ts`.
 */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  validation: 400,
  parse: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  invalid_transition: 409,
  integrity: 500,
  download: 502,
  unauthenticated: 401,
};

/** The yente-style error body: `{"detail": "..."}`, plus the offending field when one is known. */
export interface ErrorBody {
  readonly detail: string;
  readonly field?: string;
}

/**
 * An HTTP condition that is not a domain error (the index is still being built: 503). Only the
 * API layer throws it; the error handler sends its status and message as they are.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
