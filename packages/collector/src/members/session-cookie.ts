export const SESSION_COOKIE = 'raaye_session';

/** The value of one cookie from the `Cookie` header, or undefined. */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/**
 * `HttpOnly` (scripts never see it), `SameSite=Strict` (no other site's page sends it, not even
 * on top-level navigation), `Secure` when the request came over HTTPS (directly or as the proxy
 * says), `Path` limited to the collector's base path.
 */
export function sessionCookie(
  request: Request,
  value: string,
  basePath: string,
  maxAgeSeconds: number,
): string {
  const secure =
    new URL(request.url).protocol === 'https:' ||
    request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  return [
    `${SESSION_COOKIE}=${value}`,
    `Path=${basePath || '/'}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
