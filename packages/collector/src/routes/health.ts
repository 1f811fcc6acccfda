import { CollectorError } from '../errors';
import { json } from '../http/respond';
import type { Store } from '../store/types';
import type { RouteContext } from './context';

// When each store last answered a ping. PGlite runs one query at a time, so under a flood of
// ingest and deliveries a ping waits its turn behind them: a store that answered moments ago and
// is busy now is healthy, and a load balancer must not hear otherwise (or wait seconds to learn it).
const lastAnswer = new WeakMap<Store, number>();
const FRESH_MS = 5000;
const QUICK_MS = 50;

/** `GET /healthz`: 200 when the store answers (or answered within 5 s and is busy), else 503. */
export async function health(ctx: RouteContext): Promise<Response> {
  const { store } = ctx.deps;
  const ping = store.ping().then(() => {
    lastAnswer.set(store, Date.now());
    return true;
  });
  ping.catch(() => {});
  const quick = await Promise.race([
    ping.catch(() => false),
    new Promise<'slow'>((r) => setTimeout(() => r('slow'), QUICK_MS).unref()),
  ]);
  if (quick === 'slow' && Date.now() - (lastAnswer.get(store) ?? 0) < FRESH_MS) {
    return json({ ok: true, busy: true });
  }
  try {
    await ping;
  } catch (cause) {
    throw new CollectorError('unavailable', 'store is not reachable', { retryAfter: 5, cause });
  }
  return json({ ok: true });
}
