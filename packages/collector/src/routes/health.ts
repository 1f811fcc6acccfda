import { CollectorError } from '../errors';
import { json } from '../http/respond';
import type { RouteContext } from './context';

/** `GET /healthz`: 200 when the store answers, 503 otherwise (for load balancers). */
export async function health(ctx: RouteContext): Promise<Response> {
  try {
    await ctx.deps.store.ping();
  } catch (cause) {
    throw new CollectorError('unavailable', 'store is not reachable', { retryAfter: 5, cause });
  }
  return json({ ok: true });
}
