import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './net';

export interface Cluster {
  url: string;
  stop(): void;
}

/**
 * A throwaway PostgreSQL cluster on 127.0.0.1, as .ci/run starts one: initdb as the `postgres`
 * user into a temp dir. Returns undefined (with the reason printed) when it cannot start.
 */
export async function startPostgres(): Promise<Cluster | undefined> {
  if (process.env.RAAYE_BENCH_DATABASE_URL) {
    return { url: process.env.RAAYE_BENCH_DATABASE_URL, stop() {} };
  }
  const root = '/usr/lib/postgresql';
  const version = existsSync(root)
    ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0]
    : undefined;
  if (!version) {
    console.log('PostgreSQL not installed: PostgreSQL rows are skipped.');
    return undefined;
  }
  const bin = join(root, version, 'bin');
  const dir = mkdtempSync(join(tmpdir(), 'raaye-bench-pg-'));
  const port = await freePort();
  const asPostgres = (cmd: string) =>
    process.getuid?.() === 0
      ? execFileSync('su', ['postgres', '-c', cmd], { stdio: 'pipe' })
      : execFileSync('sh', ['-c', cmd], { stdio: 'pipe' });
  try {
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, -1);
    }
    asPostgres(`${bin}/initdb -D ${dir}/data -A trust -U postgres >/dev/null`);
    asPostgres(
      `${bin}/pg_ctl -D ${dir}/data -o '-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200' -l ${dir}/log -w start >/dev/null`,
    );
  } catch (error) {
    console.log(`PostgreSQL did not start (${String(error).slice(0, 200)}): rows skipped.`);
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        asPostgres(`${bin}/pg_ctl -D ${dir}/data -m immediate stop >/dev/null`);
      } catch {}
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
