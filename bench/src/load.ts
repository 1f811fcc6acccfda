/** autocannon against one or more URLs at once, with fresh ratings in every request. */
// @ts-expect-error autocannon ships no types; only the documented promise API is used here.
import autocannon from 'autocannon';
import { SITE_KEY } from './collector';

let n = 0;
function uuid7(): string {
  const hex = crypto.randomUUID().replaceAll('-', '');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** The same envelope the SDK sends (and packages/collector/bench sends): fresh ids every time. */
export function envelope(batch: number): string {
  const now = new Date().toISOString();
  const ratings = Array.from({ length: batch }, () => {
    n++;
    return {
      id: uuid7(),
      interactionId: `order-${n}`,
      interactionType: 'delivery',
      scale: 'stars5',
      score: (n % 5) + 1,
      raterId: `rater-${n % 10_000}-${n}`,
      source: 'web',
      tags: ['late'],
      comment: 'bench',
      createdAt: now,
    };
  });
  return JSON.stringify({ siteKey: SITE_KEY, sentAt: now, ratings });
}

export interface Load {
  reqPerSec: number;
  ratingsPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

function one(url: string, batch: number, seconds: number, connections: number): Promise<Load> {
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req: Record<string, unknown>) => ({ ...req, body: envelope(batch) }),
      },
    ],
  }).then(
    (r: {
      requests: { average: number };
      latency: { p50: number; p99: number };
      non2xx: number;
      errors: number;
    }) => ({
      reqPerSec: r.requests.average,
      ratingsPerSec: r.requests.average * batch,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.non2xx + r.errors,
    }),
  );
}

/**
 * Load spread evenly over several URLs (one autocannon per URL, all at once). Throughput adds
 * up; latency is the worst of the per-URL percentiles.
 */
export async function load(
  urls: string[],
  batch: number,
  seconds: number,
  connections: number,
): Promise<Load> {
  const per = Math.max(1, Math.round(connections / urls.length));
  const results = await Promise.all(urls.map((url) => one(url, batch, seconds, per)));
  return {
    reqPerSec: results.reduce((s, r) => s + r.reqPerSec, 0),
    ratingsPerSec: results.reduce((s, r) => s + r.ratingsPerSec, 0),
    p50: Math.max(...results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    errors: results.reduce((s, r) => s + r.errors, 0),
  };
}
