import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { recordActivity } from '../activity/activity-store';
import { loadConfigFile, sitesFromEnv } from '../config/load';
import { memberStore } from '../members/member-store';
import { hashPassword, passwordProblem } from '../members/password';
import { ROLES, type Role } from '../members/roles';
import { Email, SiteId } from '../members/schemas';
import { pgliteStore } from '../store/pglite';
import { postgresStore } from '../store/postgres';

export const MEMBERS_USAGE = `Usage: raaye-collector members <add|list|remove> [options]

  members add --site <id> --email <addr> --role owner|agent|viewer [--name <name>] [--password-stdin]
      adds a member; without --password-stdin a random password is made and printed once
  members list --site <id>
  members remove --site <id> --email <addr>

  --data-dir <dir>      PGlite data directory (default .raaye-data; stop the server first)
  --database-url <url>  PostgreSQL (env RAAYE_DATABASE_URL, DATABASE_URL)
  --config <file>       when given (or RAAYE_SITES is set), --site must be one of its sites`;

/** `raaye-collector members …`: the way to create a site's first owner. Returns the exit code. */
export async function membersCommand(
  argv: string[],
  env: Record<string, string | undefined>,
  io: { out: (s: string) => void; err: (s: string) => void; stdin: () => Promise<string> },
): Promise<number> {
  const [action, ...rest] = argv;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        site: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        config: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`raaye-collector members: ${(error as Error).message}\n\n${MEMBERS_USAGE}\n`);
    return 2;
  }
  const fail = (message: string) => {
    io.err(`raaye-collector members: ${message}\n`);
    return 2;
  };
  if (!action || !['add', 'list', 'remove'].includes(action))
    return fail(`unknown action\n\n${MEMBERS_USAGE}`);
  const site = String(values.site ?? '');
  if (!v.is(SiteId, site)) return fail('--site <id> is required (1–64 of A-Z a-z 0-9 _ . -)');
  const configPath = (values.config as string | undefined) ?? env.RAAYE_CONFIG;
  const sites = [
    ...(configPath ? (await loadConfigFile(configPath)).sites : []),
    ...sitesFromEnv(env),
  ];
  if (sites.length > 0 && !sites.some((s) => s.id === site))
    return fail(`no site "${site}" in the configuration`);

  let email = '';
  let role: Role = 'viewer';
  let password = '';
  if (action !== 'list') {
    const parsed = v.safeParse(Email, values.email ?? '');
    if (!parsed.success) return fail('--email <addr> must be an e-mail address');
    email = parsed.output;
  }
  if (action === 'add') {
    if (!ROLES.includes(values.role as Role)) return fail('--role must be owner, agent or viewer');
    role = values.role as Role;
    password = values['password-stdin']
      ? (await io.stdin()).split(/\r?\n/)[0]!
      : randomBytes(12).toString('base64url');
    const problem = passwordProblem(password);
    if (problem) return fail(`password ${problem}`);
  }

  const databaseUrl =
    (values['database-url'] as string | undefined) ?? env.RAAYE_DATABASE_URL ?? env.DATABASE_URL;
  const store = databaseUrl
    ? await postgresStore(databaseUrl)
    : await pgliteStore((values['data-dir'] as string | undefined) ?? '.raaye-data');
  try {
    const members = memberStore(store.sql);
    const at = new Date().toISOString();
    if (action === 'list') {
      for (const m of await members.list(site))
        io.out(`${m.email}\t${m.role}\t${m.name}\t${m.id}\n`);
      return 0;
    }
    if (action === 'remove') {
      const found = (await members.list(site)).find((m) => m.email === email.toLowerCase());
      if (!found) return fail(`${email} is not a member of ${site}`);
      await members.remove(site, found.id);
      await recordActivity(
        store.sql,
        site,
        { actor: cliActor(env), action: 'member.removed', detail: { member: found.id, email } },
        at,
      );
      io.out(`removed ${email} from ${site}\n`);
      return 0;
    }
    const name = (values.name as string | undefined)?.trim() || email.split('@')[0]!;
    const member = await members.add(
      site,
      { email, name, role, passwordHash: await hashPassword(password) },
      at,
    );
    if (!member) return fail(`${email} is already a member of ${site}`);
    await recordActivity(
      store.sql,
      site,
      {
        actor: cliActor(env),
        action: 'member.added',
        detail: { member: member.id, email: member.email, role },
      },
      at,
    );
    io.out(`added ${member.email} to ${site} as ${role} (${member.id})\n`);
    if (!values['password-stdin'])
      io.out(`password: ${password}\n(shown once; they can change it in the dashboard)\n`);
    return 0;
  } finally {
    await store.close();
  }
}

const cliActor = (env: Record<string, string | undefined>) => ({
  kind: 'system' as const,
  id: null,
  name: `command line${env.USER ? ` (${env.USER})` : ''}`,
});
