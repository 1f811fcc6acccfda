import { createHmac } from 'node:crypto';

/**
 * Standard Webhooks signing (standardwebhooks.com): `webhook-signature: v1,<base64 HMAC-SHA256 of
 * "<id>.<timestamp>.<body>">`. A `whsec_` secret is base64 after the prefix, as the spec's
 * libraries expect; any other secret is used as its UTF-8 bytes (verify those with the library's
 * `{ format: 'raw' }`). Hand-written: five lines of node:crypto; tests check it with the
 * `standardwebhooks` package itself.
 */
export function standardWebhookHeaders(
  secret: string,
  id: string,
  unixSeconds: number,
  body: string,
): Record<string, string> {
  const key = secret.startsWith('whsec_')
    ? Buffer.from(secret.slice(6), 'base64')
    : Buffer.from(secret, 'utf8');
  const mac = createHmac('sha256', key).update(`${id}.${unixSeconds}.${body}`).digest('base64');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(unixSeconds),
    'webhook-signature': `v1,${mac}`,
  };
}

/** The body of a generic webhook: Standard Webhooks' `{ type, timestamp, data }` plus the id. */
export function webhookBody(event: {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    timestamp: event.createdAt,
    data: event.data,
  });
}
