import type { ErrorBody } from '@raaye/protocol';
import type { CollectorError } from '../errors';

const JSON_TYPE = 'application/json; charset=utf-8';

/** The text of each response `json()` made, so a server adapter can write it without a reader. */
const texts = new WeakMap<Response, string>();

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return jsonText(JSON.stringify(body), status, headers);
}

/** `json()` of a body already serialized (an ETag was computed from it). */
export function jsonText(text: string, status = 200, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set('content-type', JSON_TYPE);
  h.set('cache-control', 'no-store');
  h.set('x-content-type-options', 'nosniff');
  const response = new Response(text, { status, headers: h });
  texts.set(response, text);
  return response;
}

/**
 * The body of a response from `json()`, unread; undefined for any other response (or a HEAD
 * answer, whose body must not be sent: those never come from `json()` with a body anyway).
 */
export function jsonTextOf(response: Response): string | undefined {
  return response.bodyUsed ? undefined : texts.get(response);
}

/** The `{ error: { code, message, path? } }` body every non-2xx answer carries. */
export function errorResponse(error: CollectorError, headers: HeadersInit = {}): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.path !== undefined) body.error.path = error.path;
  const h = new Headers(headers);
  if (error.retryAfter !== undefined) h.set('retry-after', String(error.retryAfter));
  return json(body, error.status, h);
}
