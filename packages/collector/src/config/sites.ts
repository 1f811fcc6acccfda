import { LIMITS } from '@raaye/protocol';
import * as v from 'valibot';
import {
  type DestinationConfig,
  DestinationSchema,
  OWNERS_DESTINATION,
  OwnersSchema,
} from '../destinations/config';
import { CollectorError } from '../errors';
import { EVENT_TYPES, type EventType, receives } from '../outbox/event-types';
import { issuePath } from '../validate/issue-path';
import type { SiteConfig } from './types';

export const DEFAULT_LIMITS = {
  maxBodyBytes: LIMITS.batchBytes,
  site: { burst: 500, perSecond: 100 },
  client: { burst: 30, perSecond: 2 },
} as const;

const ORIGIN = /^(\*|https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?)$/i;

const bucket = v.optional(
  v.strictObject({
    burst: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    perSecond: v.optional(v.pipe(v.number(), v.minValue(0.001))),
  }),
);

const SECRET = v.pipe(
  v.string(),
  v.minLength(32, 'must have at least 32 characters (make one with `raaye-collector keys`)'),
  v.maxLength(256),
);

const SiteSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 of A-Z a-z 0-9 _ . -')),
  siteKey: v.pipe(v.string(), v.regex(/^pk_[A-Za-z0-9_-]{1,120}$/, 'must look like pk_…')),
  secretKey: v.pipe(v.string(), v.regex(/^sk_[A-Za-z0-9_-]{1,120}$/, 'must look like sk_…')),
  allowedOrigins: v.array(
    v.pipe(
      v.string(),
      v.regex(ORIGIN, 'must be an origin like https://a.example.com, https://*.example.com or *'),
    ),
  ),
  limits: v.optional(
    v.strictObject({
      maxBodyBytes: v.optional(
        v.pipe(v.number(), v.integer(), v.minValue(1024), v.maxValue(LIMITS.batchBytes)),
      ),
      site: bucket,
      client: bucket,
    }),
  ),
  signingSecret: v.optional(v.union([SECRET, v.pipe(v.array(SECRET), v.minLength(1))])),
  raters: v.optional(v.picklist(['signed', 'open'], "must be 'signed' or 'open'")),
  webhook: v.optional(
    v.strictObject({
      url: v.pipe(v.string(), v.url('must be a URL')),
      secret: v.pipe(v.string(), v.minLength(16, 'must have at least 16 characters')),
    }),
  ),
  destinations: v.optional(v.pipe(v.array(DestinationSchema), v.maxLength(20))),
  owners: v.optional(OwnersSchema),
});

/**
 * Validates and completes site definitions. Throws `invalid_config` naming the bad field,
 * so a typo fails at start-up instead of as 401s in production.
 */
export function resolveSites(input: unknown): SiteConfig[] {
  // Sites from loadConfigFile / sitesFromEnv are resolved already; resolve their input again,
  // since the derived fields (the implicit destinations, `events`) are not valid input.
  const raw = Array.isArray(input)
    ? input.map((s) => (s as Record<symbol, unknown> | null)?.[INPUT] ?? s)
    : input;
  const result = v.safeParse(v.array(SiteSchema), raw, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    throw new CollectorError('invalid_config', `sites${issuePath(issue)}: ${issue.message}`);
  }
  if (result.output.length === 0) throw new CollectorError('invalid_config', 'no sites configured');
  const seen = new Set<string>();
  for (const site of result.output) {
    for (const key of [site.id, site.siteKey, site.secretKey]) {
      if (seen.has(key))
        throw new CollectorError('invalid_config', `duplicate site id or key "${key}"`);
      seen.add(key);
    }
  }
  for (const site of result.output) {
    if (site.raters === 'signed' && site.signingSecret === undefined) {
      throw new CollectorError(
        'invalid_config',
        `sites[${site.id}].raters: 'signed' needs a signingSecret to verify rater tokens`,
      );
    }
  }
  return result.output.map(({ signingSecret, ...site }, i) =>
    Object.defineProperty(
      {
        ...site,
        signingSecrets: signingSecret === undefined ? [] : [signingSecret].flat(),
        raters: site.raters ?? 'open',
        ...destinationsOf(site),
        allowedOrigins: site.allowedOrigins.map((o) => o.toLowerCase()),
        limits: {
          maxBodyBytes: site.limits?.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes,
          site: { ...DEFAULT_LIMITS.site, ...site.limits?.site },
          client: { ...DEFAULT_LIMITS.client, ...site.limits?.client },
        },
      },
      INPUT,
      { value: (raw as unknown[])[i], enumerable: false },
    ),
  );
}

const INPUT = Symbol('raaye.siteInput');

/** The site's destinations: its own, the legacy `webhook`, and the owners' alert e-mail. */
function destinationsOf(site: v.InferOutput<typeof SiteSchema>) {
  const destinations: DestinationConfig[] = [...(site.destinations ?? [])];
  if (site.webhook) {
    destinations.push({ id: 'webhook', kind: 'webhook', events: ['rating.low'], ...site.webhook });
  }
  const owners = site.owners ?? [];
  if (owners.length > 0) {
    destinations.push({
      id: OWNERS_DESTINATION,
      kind: 'email',
      to: owners,
      events: ['destination.disabled'],
    });
  }
  const ids = new Set<string>();
  for (const d of destinations) {
    if (ids.has(d.id)) {
      throw new CollectorError(
        'invalid_config',
        `sites.${site.id}.destinations: duplicate id "${d.id}" ("webhook" and "owners" are taken by the webhook and owners settings)`,
      );
    }
    ids.add(d.id);
  }
  const events = new Set<EventType>(
    EVENT_TYPES.filter((t) => destinations.some((d) => receives(d.events, t))),
  );
  return { destinations, owners, events };
}
