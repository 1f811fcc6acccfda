/**
 * The collector under load, in its own process so the load generator does not share its CPU.
 * `RAAYE_BENCH_STORE` = `pglite` (in memory) or a PostgreSQL URL. Prints `READY <url>`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { createCollector } from '../src/collector';
import { toNodeListener } from '../src/http/node-listener';
import { silentLogger } from '../src/log/logger';
import { pgliteStore } from '../src/store/pglite';
import { postgresStore } from '../src/store/postgres';

const BENCH_SITE = {
  id: 'bench',
  siteKey: 'pk_bench',
  secretKey: 'sk_bench',
  allowedOrigins: ['*'],
  limits: { site: { burst: 1e9, perSecond: 1e9 }, client: { burst: 1e9, perSecond: 1e9 } },
};

const target = process.env.RAAYE_BENCH_STORE ?? 'pglite';
const schema = `raaye_bench_${Math.random().toString(36).slice(2, 8)}`;
// Behind PgBouncer (`?pgbouncer=true`, transaction mode) a schema cannot be chosen per
// connection (1.18 refuses `search_path` at start-up): a throwaway database instead.
const bounced = /[?&]pgbouncer=true/.test(target);
const admin = () => {
  const url = new URL(target);
  url.searchParams.delete('pgbouncer');
  return postgres(url.href, { max: 1, onnotice: () => {} });
};
const database = (url: string) => {
  const u = new URL(url);
  u.pathname = `/${schema}`;
  return u.href;
};
if (bounced) {
  const sql = admin();
  await sql.unsafe(`CREATE DATABASE ${schema}`);
  await sql.end();
}
const store =
  target === 'pglite'
    ? await pgliteStore()
    : bounced
      ? await postgresStore(database(target))
      : await postgresStore(target, { schema });
const collector = createCollector({ store, sites: [BENCH_SITE], logger: silentLogger });
const server = createServer(toNodeListener(collector));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
process.stdout.write(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);

process.on('SIGTERM', async () => {
  server.close();
  await collector.close();
  await store.close();
  if (target !== 'pglite') {
    const sql = admin();
    await sql.unsafe(
      bounced ? `DROP DATABASE ${schema} WITH (FORCE)` : `DROP SCHEMA ${schema} CASCADE`,
    );
    await sql.end();
  }
  process.exit(0);
});
