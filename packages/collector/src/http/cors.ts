/**
 * CORS for the public routes (ingest, owed). Credentials are never allowed: ratings are keyed by
 * the site key in the body, not by cookies. `Vary: Origin` keeps caches from mixing answers.
 */
export function corsHeaders(origin: string | null, allowed: boolean): Headers {
  const headers = new Headers({ vary: 'Origin' });
  if (origin !== null && allowed) {
    headers.set('access-control-allow-origin', origin);
    headers.set('access-control-expose-headers', 'Retry-After');
  }
  return headers;
}

/** Answer to a preflight; `methods` are the ones this path accepts cross-origin. */
export function preflight(origin: string | null, allowed: boolean, methods: string): Response {
  const headers = corsHeaders(origin, allowed);
  headers.append('vary', 'Access-Control-Request-Method, Access-Control-Request-Headers');
  if (origin !== null && allowed) {
    headers.set('access-control-allow-methods', `${methods}, OPTIONS`);
    // Authorization for `GET /v1/owed` with the site key as a bearer token, and its rater token.
    headers.set('access-control-allow-headers', 'Content-Type, Authorization, Raaye-Rater-Token');
    headers.set('access-control-max-age', '600');
  }
  return new Response(null, { status: 204, headers });
}

export function mergeHeaders(response: Response, extra: Headers): Response {
  for (const [name, value] of extra) {
    if (name === 'vary') response.headers.append('vary', value);
    else response.headers.set(name, value);
  }
  return response;
}
