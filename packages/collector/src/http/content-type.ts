import { CollectorError } from '../errors';

/**
 * Ingest accepts JSON and text/plain: `navigator.sendBeacon` and CORS-simple keepalive fetches
 * send text/plain to skip the preflight; the body is JSON either way.
 */
export function requireJsonish(request: Request, allowTextPlain: boolean): void {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || (allowTextPlain && type === 'text/plain')) return;
  throw new CollectorError(
    'unsupported_content_type',
    `Content-Type must be application/json${allowTextPlain ? ' or text/plain' : ''}`,
  );
}
