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
const store = target === 'pglite' ? await pgliteStore() : await postgresStore(target, { schema });
const collector = createCollector({ store, sites: [BENCH_SITE], logger: silentLogger });
const server = createServer(toNodeListener(collector));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
process.stdout.write(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);

process.on('SIGTERM', async () => {
  server.close();
  await collector.close();
  await store.close();
  if (target !== 'pglite') {
    const sql = postgres(target, { max: 1, onnotice: () => {} });
    await sql.unsafe(`DROP SCHEMA ${schema} CASCADE`);
    await sql.end();
  }
  process.exit(0);
});
