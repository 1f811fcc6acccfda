import { CollectorError } from '../errors';
import { json } from '../http/respond';
import type { Store } from '../store/types';
import type { RouteContext } from './context';

// A store runs its queries in turn (PGlite one at a time, in its own thread; PostgreSQL through a
// bounded pool), so under a flood of ingest and deliveries a ping waits behind them. A store that
// answered moments ago and is busy now is healthy, and a load balancer must neither hear
// otherwise nor wait seconds to learn it. So:
// - one ping per store is in flight at a time: checks share it instead of queueing more work
//   behind a busy store;
// - a store whose last ping succeeded within RECENT_MS is healthy at once (that ping's successor
//   is already under way);
// - otherwise the check waits QUICK_MS for the ping, then answers `busy` if the store answered
//   within FRESH_MS, and else waits for the ping's verdict (503 when it fails).
const RECENT_MS = 1000;
const QUICK_MS = 50;
const FRESH_MS = 5000;

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

/** `GET /healthz`: 200 when the store answers (or answered within 5 s and is busy), else 503. */
export async function health(ctx: RouteContext): Promise<Response> {
  const { probe, answer } = ping(ctx.deps.store);
  answer.catch(() => {});
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
    throw new CollectorError('unavailable', 'store is not reachable', { retryAfter: 5, cause });
  }
  return json({ ok: true });
}
