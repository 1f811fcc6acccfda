import { CollectorError } from '../errors';
import { json } from '../http/respond';
import type { Store } from '../store/types';
import type { RouteContext } from './context';

// A store runs its queries in turn (PGlite one at a time, in its own thread; PostgreSQL through a
// bounded pool), so under a flood of ingest and deliveries a ping waits behind them. A store that
// is busy is healthy, and a load balancer must neither hear otherwise nor wait seconds to learn
// it. So one ping per store is in flight at a time (checks share it instead of queueing more
// work behind a busy store), and:
// - PGlite's thread reports its progress (sql-client.ts): any answer to any query shows it alive,
//   and a ping queued behind a transaction of the inbox or a group commit says nothing more.
//   Healthy at once unless requests have waited STALLED_MS without a single answer (wedged: 503
//   at once) or the thread is gone (503). Measured in issue 12's flood of 20,000 low ratings:
//   statements of up to ~2 s, and the ping alone queued 4–23 s behind them.
// - Other stores (PostgreSQL's pool): healthy at once while the last ping succeeded within
//   RECENT_MS; otherwise the check waits QUICK_MS for the ping, then answers `busy` if the store
//   answered within FRESH_MS, and else waits for the ping's verdict (503 when it fails).
const RECENT_MS = 1000;
const QUICK_MS = 50;
const FRESH_MS = 5000;
const STALLED_MS = 10_000;

interface Probe {
  /** When a ping last succeeded (ms since the epoch), 0 before the first. */
  lastAnswer: number;
  /** The last ping failed: no shortcut until one succeeds. */
  failing: boolean;
  inFlight: Promise<void> | undefined;
}

const probes = new WeakMap<Store, Probe>();

function ping(store: Store): { probe: Probe; answer: Promise<void> } {
  let probe = probes.get(store);
  if (!probe) {
    probe = { lastAnswer: 0, failing: false, inFlight: undefined };
    probes.set(store, probe);
  }
  const p = probe;
  p.inFlight ??= store.ping().then(
    () => {
      p.lastAnswer = Date.now();
      p.failing = false;
      p.inFlight = undefined;
    },
    (error: unknown) => {
      p.failing = true;
      p.inFlight = undefined;
      throw error;
    },
  );
  return { probe: p, answer: p.inFlight };
}

const unavailable = (message: string, cause?: unknown) =>
  new CollectorError('unavailable', message, { retryAfter: 5, cause });

/** `GET /healthz`: 200 when the store answers (or is busy answering others), else 503. */
export async function health(ctx: RouteContext): Promise<Response> {
  const { store } = ctx.deps;
  const { probe, answer } = ping(store);
  answer.catch(() => {});
  const live = store.sql.progress?.();
  if (live?.down) throw unavailable('store is closed or its thread is gone');
  if (live && !probe.failing) {
    if (live.stalledMs >= STALLED_MS) {
      throw unavailable(`store has answered nothing for ${Math.round(live.stalledMs / 1000)} s`);
    }
    // More waiting than this check's own ping: say so, it explains a slow API.
    return json(live.waiting > 1 ? { ok: true, busy: true } : { ok: true });
  }
  if (!probe.failing && Date.now() - probe.lastAnswer < RECENT_MS) return json({ ok: true });
  const quick = await Promise.race([
    answer.then(
      () => true,
      () => false,
    ),
    new Promise<'slow'>((r) => setTimeout(() => r('slow'), QUICK_MS).unref()),
  ]);
  if (quick === 'slow' && !probe.failing && Date.now() - probe.lastAnswer < FRESH_MS) {
    return json({ ok: true, busy: true });
  }
  try {
    await answer;
  } catch (cause) {
    throw unavailable('store is not reachable', cause);
  }
  return json({ ok: true });
}
