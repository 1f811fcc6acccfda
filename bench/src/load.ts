/** autocannon against one or more URLs at once, with fresh ratings in every request. */
// @ts-expect-error autocannon ships no types; only the documented promise API is used here.
import autocannon from 'autocannon';
import { benchEnvelope } from '../../packages/collector/bench/envelope';
import { SITE_KEY } from './collector';

/** The same envelope the SDK sends (and packages/collector/bench sends): fresh ids every time. */
export const envelope = (batch: number): string => benchEnvelope(SITE_KEY, batch);

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
