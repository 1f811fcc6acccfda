import type { ItemResult, RatingsEnvelope, WireRating } from '../../src/contract';

export type NetworkMode =
  | { kind: 'ok' }
  | { kind: 'offline' }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'timeout' }
  | { kind: 'drop-response' };

export interface Request {
  at: number;
  ratings: WireRating[];
  keepalive: boolean;
  beacon: boolean;
}

/**
 * An in-test collector behind a fake `fetch`: dedupes by rating id exactly like the real one
 * (first wins, `duplicate` after), and can be told to fail in the ways networks fail.
 * `drop-response` commits and then loses the answer, the case that tests idempotency.
 */
export function createFakeCollector() {
  const stored = new Map<string, WireRating>();
  const requests: Request[] = [];
  let mode: NetworkMode = { kind: 'ok' };
  /** Per-id verdicts forced by a test (e.g. a poison rating). */
  const reject = new Set<string>();

  const apply = (envelope: RatingsEnvelope): ItemResult[] =>
    envelope.ratings.map((rating) => {
      if (reject.has(rating.id))
        return { id: rating.id, status: 'rejected', error: { code: 'invalid', message: 'poison' } };
      if (stored.has(rating.id)) return { id: rating.id, status: 'duplicate' };
      stored.set(rating.id, rating);
      return { id: rating.id, status: 'accepted' };
    });

  const fetch = async (_url: string | URL, init: RequestInit = {}): Promise<Response> => {
    const envelope = JSON.parse(String(init.body)) as RatingsEnvelope;
    requests.push({
      at: Date.now(),
      ratings: envelope.ratings,
      keepalive: Boolean(init.keepalive),
      beacon: false,
    });
    switch (mode.kind) {
      case 'offline':
        throw new TypeError('Failed to fetch');
      case 'timeout':
        return new Promise((_, fail) => {
          init.signal?.addEventListener('abort', () =>
            fail(new DOMException('aborted', 'AbortError')),
          );
        });
      case 'status':
        return new Response(JSON.stringify({ error: { code: 'x', message: 'fault' } }), {
          status: mode.status,
          headers: mode.retryAfter ? { 'retry-after': mode.retryAfter } : {},
        });
      case 'drop-response':
        apply(envelope);
        throw new TypeError('Failed to fetch');
      default:
        return Response.json({ results: apply(envelope) });
    }
  };

  /** A `navigator.sendBeacon` stand-in that delivers to this collector unless offline. */
  const sendBeacon = (_url: string, data: Blob | string) => {
    void (typeof data === 'string' ? Promise.resolve(data) : data.text()).then((text) => {
      const envelope = JSON.parse(text) as RatingsEnvelope;
      requests.push({ at: Date.now(), ratings: envelope.ratings, keepalive: true, beacon: true });
      if (mode.kind === 'ok') apply(envelope);
    });
    return true;
  };

  return {
    fetch: fetch as typeof globalThis.fetch,
    sendBeacon,
    stored,
    requests,
    reject,
    setMode(next: NetworkMode) {
      mode = next;
    },
    get mode() {
      return mode;
    },
  };
}

export type FakeCollector = ReturnType<typeof createFakeCollector>;
