/**
 * Debian's PgBouncer in transaction mode on 127.0.0.1 in front of a PostgreSQL URL, started
 * for the bench and stopped after it. PgBouncer refuses to run as root, so as root it runs as
 * the `postgres` user (as the throwaway cluster does). Version 1.18 here: no prepared statements
 * in transaction mode, so clients use `?pgbouncer=true` (the collector then sends unprepared).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './net';
import { sleep } from './stats';

export interface Bouncer {
  /** The same database as the target, through PgBouncer. */
  url: string;
  stop(): void;
}

export async function startPgbouncer(target: string): Promise<Bouncer | undefined> {
  const t = new URL(target);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'raaye-bench-bouncer-'));
  chmodSync(dir, 0o777);
  const ini = join(dir, 'pgbouncer.ini');
  writeFileSync(join(dir, 'users.txt'), `"${t.username || 'postgres'}" ""\n`);
  writeFileSync(
    ini,
    `[databases]
* = host=${t.hostname} port=${t.port || 5432}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${join(dir, 'users.txt')}
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 20
ignore_startup_parameters = extra_float_digits
logfile = ${join(dir, 'log')}
pidfile = ${join(dir, 'pid')}
`,
  );
  const run = (cmd: string) =>
    process.getuid?.() === 0
      ? execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', cmd], { stdio: 'pipe' })
      : execFileSync('sh', ['-c', cmd], { stdio: 'pipe' });
  try {
    run(`pgbouncer -d ${ini}`);
    await sleep(300);
  } catch (error) {
    console.log(`PgBouncer did not start (${String(error).slice(0, 200)}): its rows are skipped.`);
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const via = new URL(target);
  via.host = `127.0.0.1:${port}`;
  return {
    url: via.href,
    stop() {
      try {
        const pid = Number(readFileSync(join(dir, 'pid'), 'utf8').trim());
        if (pid > 0) process.kill(pid, 'SIGINT');
      } catch {}
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
