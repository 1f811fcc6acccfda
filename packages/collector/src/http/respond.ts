import type { ErrorBody } from '@raaye/protocol';
import type { CollectorError } from '../errors';

const JSON_TYPE = 'application/json; charset=utf-8';

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set('content-type', JSON_TYPE);
  h.set('cache-control', 'no-store');
  h.set('x-content-type-options', 'nosniff');
  return new Response(JSON.stringify(body), { status, headers: h });
}

/** The `{ error: { code, message, path? } }` body every non-2xx answer carries. */
export function errorResponse(error: CollectorError, headers: HeadersInit = {}): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.path !== undefined) body.error.path = error.path;
  const h = new Headers(headers);
  if (error.retryAfter !== undefined) h.set('retry-after', String(error.retryAfter));
  return json(body, error.status, h);
}
