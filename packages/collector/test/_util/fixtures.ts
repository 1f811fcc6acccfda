import type { RatingsEnvelope, WireRating } from '@raaye/protocol';
import { type CollectorConfig, createCollector } from '../../src/collector';
import type { SiteInput } from '../../src/config/types';
import { silentLogger } from '../../src/log/logger';
import type { Store } from '../../src/store/types';
import { signRaterToken } from '../../src/token';

let counter = 0;

/** A unique UUIDv7-shaped id. */
export function ratingId(): string {
  const hex = crypto.randomUUID().replaceAll('-', '');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function rating(overrides: Partial<WireRating> = {}): WireRating {
  counter++;
  return {
    id: ratingId(),
    interactionId: `ride-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    interactionType: 'ride',
    scale: 'stars5',
    score: 5,
    raterId: `rater-${counter}`,
    source: 'web',
    createdAt: new Date(Date.now() - 1000).toISOString(),
    ...overrides,
  };
}

export function envelope(
  ratings: WireRating[],
  overrides: Partial<RatingsEnvelope> = {},
): RatingsEnvelope {
  return { siteKey: 'pk_test', sentAt: new Date().toISOString(), ratings, ...overrides };
}

let siteCounter = 0;

/** The signing secret of every test site. */
export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdefghij';

/** A rater token from the test sites' signing secret. */
export function raterToken(raterId: string, interactionId?: string, expiresIn?: number): string {
  return signRaterToken({
    secret: SIGNING_SECRET,
    raterId,
    ...(interactionId === undefined ? {} : { interactionId }),
    ...(expiresIn === undefined ? {} : { expiresIn }),
  });
}

/** A fresh site so tests sharing one store never see each other's rows. */
export function site(overrides: Partial<SiteInput> = {}): SiteInput {
  siteCounter++;
  const id = `site${siteCounter}${Math.random().toString(36).slice(2, 6)}`;
  return {
    id,
    siteKey: `pk_${id}`,
    // Long and random: the CLI refuses weak secret keys at start-up.
    secretKey: `sk_${id}_${crypto.randomUUID().replaceAll('-', '')}`,
    allowedOrigins: ['https://shop.example.com', 'https://*.example.org'],
    signingSecret: SIGNING_SECRET,
    limits: {
      client: { burst: 10_000, perSecond: 10_000 },
      site: { burst: 10_000, perSecond: 10_000 },
    },
    ...overrides,
  };
}

export function collector(store: Store, sites: SiteInput[], extra: Partial<CollectorConfig> = {}) {
  return createCollector({ store, sites, logger: silentLogger, ...extra });
}

export interface PostOptions {
  origin?: string;
  contentType?: string;
  clientAddress?: string;
  path?: string;
}

export function postRequest(body: unknown, options: PostOptions = {}): Request {
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
  };
  if (options.origin) headers.origin = options.origin;
  return new Request(`http://collector.test${options.path ?? '/v1/ratings'}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function getRequest(path: string, secretKey?: string, headers: Record<string, string> = {}) {
  return new Request(`http://collector.test${path}`, {
    headers: secretKey ? { authorization: `Bearer ${secretKey}`, ...headers } : headers,
  });
}

/** A request with the site's secret key: a POST of `body` when there is one, else a GET. */
export function secretRequest(
  path: string,
  secretKey: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
) {
  return new Request(`http://collector.test${path}`, {
    method,
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
