/**
 * `sargas users add|list|disable`: the service's user accounts, managed by the operator at the
 * server's console (audited as actor `cli`).
 *
 *   printf '%s\n' "$PASSWORD" | sargas users add --username alice --role analyst [--role supervisor]
 *   sargas users add --username mig.system --role migration_officer --agency migration-dept < pw.txt
 *   sargas users list [--json]
 *   sargas users disable --username alice
 */
import type { Command } from 'commander';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { isRole, ROLES, type Role, type User, type VettingService } from '../../vetting/index.js';
import { table } from '../render.js';
import type { CommandContext, VettingAdmin } from '../services.js';

/** The vetting service, or an error naming what this build lacks. */
export async function openVetting(ctx: CommandContext): Promise<VettingService> {
  const open = ctx.services.vetting;
  if (open === undefined) throw new Error('the vetting workflow is not wired into this build');
  return open();
}

export async function openVettingAdmin(ctx: CommandContext): Promise<VettingAdmin> {
  const open = ctx.services.vettingAdmin;
  if (open === undefined) throw new Error('the vetting workflow is not wired into this build');
  return open();
}

/** The longest first line `readFirstLine` accepts (a password is far shorter). */
const MAX_LINE = 4096;

/**
 * The first line of a stream, without `\n` or `\r\n`; the rest is not read. A terminal is refused:
 * what is typed there is echoed on the screen and may stay in its scrollback.
 */
export async function readFirstLine(
  stream: NodeJS.ReadableStream & { readonly isTTY?: boolean },
): Promise<string> {
  if (stream.isTTY === true) {
    throw new ValidationError(
      'the password is read from standard input: pipe it in, e.g. printf \'%s\\n\' "$PASSWORD" | sargas users add ...',
      'password',
    );
  }
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    const end = text.indexOf('\n');
    if (end >= 0) {
      text = text.slice(0, end);
      break;
    }
    if (text.length > MAX_LINE) break;
  }
  return text.replace(/\r$/u, '').slice(0, MAX_LINE + 1);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((part) => part.trim())];
}

function parseRoles(values: readonly string[]): Role[] {
  const roles = values.filter((value) => value !== '');
  if (roles.length === 0) {
    throw new ValidationError(`give at least one --role (${ROLES.join(', ')})`, 'role');
  }
  for (const role of roles) {
    if (!isRole(role)) {
      throw new ValidationError(`unknown role '${role}' (expected ${ROLES.join(', ')})`, 'role');
    }
  }
  return [...new Set(roles)] as Role[];
}

function describeUser(user: User): string {
  const agency = user.agency === null ? '' : `, agency ${user.agency}`;
  return `user ${user.id} '${user.username}' (${user.roles.join(', ')}${agency})`;
}

async function userByName(admin: VettingAdmin, username: string): Promise<User> {
  const found = await admin.store.userByUsername(username);
  if (found === null) throw new NotFoundError(`no user '${username}'`, { username });
  return found.user;
}

export function registerUsersCommands(program: Command, ctx: CommandContext): Command {
  const users = program
    .command('users')
    .description('manage the vetting service users (password from standard input)');

  users
    .command('add')
    .description('create a user; the password is the first line of standard input')
    .requiredOption('--username <name>', '3-64 characters of a-z, 0-9, dot, underscore, hyphen')
    .requiredOption(
      '--role <role>',
      `${ROLES.join(', ')} (repeat or separate with commas)`,
      collect,
      [] as string[],
    )
    .option('--agency <code>', 'the agency of a migration_officer (see `sargas agencies add`)')
    .action(async (options: { username: string; role: string[]; agency?: string }) => {
      const roles = parseRoles(options.role);
      const read = ctx.services.readStdinLine;
      if (read === undefined) throw new Error('standard input is not wired into this build');
      const password = await read();
      if (password === '') {
        throw new ValidationError(
          'no password on standard input: pipe it in as the first line',
          'password',
        );
      }
      const user = await (await openVetting(ctx)).createUser('cli', {
        username: options.username,
        password,
        roles,
        agency: options.agency ?? null,
      });
      ctx.io.stdout.write(`created ${describeUser(user)}\n`);
    });

  users
    .command('list')
    .description('list users (never their password hashes)')
    .option('--json', 'one JSON array')
    .action(async (options: { json?: boolean }) => {
      const all = await (await openVettingAdmin(ctx)).store.listUsers();
      if (options.json === true) {
        ctx.io.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
        return;
      }
      ctx.io.stdout.write(
        table(
          ['id', 'username', 'roles', 'agency', 'active', 'created'],
          all.map((user) => [
            String(user.id),
            user.username,
            user.roles.join(','),
            user.agency ?? '',
            user.active ? 'yes' : 'no',
            user.createdAt.slice(0, 19).replace('T', ' '),
          ]),
        ),
      );
    });

  users
    .command('disable')
    .description('disable a user: no login, no API key acts as them (the audit trail keeps them)')
    .requiredOption('--username <name>', 'the user to disable')
    .action(async (options: { username: string }) => {
      const user = await userByName(await openVettingAdmin(ctx), options.username);
      const updated = await (await openVetting(ctx)).setUserActive('cli', user.id, false);
      ctx.io.stdout.write(`disabled ${describeUser(updated)}\n`);
    });

  return users;
}
