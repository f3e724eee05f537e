import { InvalidArgumentError } from 'commander';

/** One `--list SOURCE=PATH` argument. */
export interface ListArg {
  readonly source: string;
  readonly path: string;
}

const SOURCE = /^[a-z0-9][a-z0-9_-]{0,63}$/u;

/**
 * Commander's argument parser for the repeatable `--list SOURCE=PATH` option. It throws
 * `InvalidArgumentError`, which Commander reports as a usage error naming the option.
 */
export function collectListArg(value: string, previous: readonly ListArg[] = []): ListArg[] {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1) {
    throw new InvalidArgumentError(
      `expected SOURCE=PATH (e.g. --list eu=lists/eu.xml), got '${value}'`,
    );
  }
  const source = value.slice(0, at).trim();
  const path = value.slice(at + 1).trim();
  if (!SOURCE.test(source)) {
    throw new InvalidArgumentError(
      `list name '${source}' must be 1 to 64 lower-case letters, digits, '_' or '-'`,
    );
  }
  if (previous.some((arg) => arg.source === source)) {
    throw new InvalidArgumentError(`list '${source}' is given twice`);
  }
  return [...previous, { source, path }];
}
