import { SCALES, type Scale } from '@raaye/protocol';
import * as v from 'valibot';
import { EVENT_TYPES, type EventType } from '../outbox/event-types';

/** Which events of its subscribed types a destination receives; every listed field must match. */
export interface DestinationFilter {
  scales?: Scale[];
  scores?: number[];
  /** Matches when the rating carries at least one of these tags. */
  tags?: string[];
  interactionTypes?: string[];
}

interface DestinationBase {
  /** Stable name within the site: the delivery log, replay and enabling refer to it. */
  id: string;
  /** Event types it receives. @default ['rating.low'] */
  events: EventType[];
  filter?: DestinationFilter;
}

/** A generic HTTPS endpoint, signed per Standard Webhooks (webhook-id/-timestamp/-signature). */
export interface WebhookDestination extends DestinationBase {
  kind: 'webhook';
  url: string;
  /** `whsec_<base64>` as Standard Webhooks libraries expect, or any 16+ character string. */
  secret: string;
}

/** A Slack or Microsoft Teams incoming-webhook URL: readable messages, no signature. */
export interface ChatDestination extends DestinationBase {
  kind: 'slack' | 'teams';
  url: string;
}

/** E-mail through the collector's SMTP server (`mail` in the config). */
export interface EmailDestination extends DestinationBase {
  kind: 'email';
  to: string[];
  /**
   * The implicit `people` destination: each event goes to the people it names instead of `to`
   * (`data.recipients`: assignee, owners), and a reply to the customer (`data.email`). `others`
   * are the site's own e-mail destinations: an address one of them mails the event to already
   * is left out, so nobody gets the same alert twice (see people.ts).
   */
  people?: { others: readonly EmailDestination[] };
}

export type DestinationConfig = WebhookDestination | ChatDestination | EmailDestination;

/** Reserved id of the built-in destination that e-mails members (see `people.ts`). */
export const PEOPLE_DESTINATION = 'people';

const id = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 of A-Z a-z 0-9 _ . -'),
  // The built-in `people` destination exists for every site with an SMTP server; a second one
  // of that name would share its delivery log, replay and disabling.
  v.check(
    (s) => s.toLowerCase() !== PEOPLE_DESTINATION,
    `"${PEOPLE_DESTINATION}" is reserved for the built-in destination that e-mails members`,
  ),
);
const httpUrl = v.pipe(
  v.string(),
  v.url('must be a URL'),
  v.regex(/^https?:\/\//i, 'must be an http(s) URL'),
);
const EMAIL = v.pipe(v.string(), v.email('must be an e-mail address'), v.maxLength(254));

const base = {
  id,
  events: v.optional(v.pipe(v.array(v.picklist(EVENT_TYPES)), v.minLength(1)), ['rating.low']),
  filter: v.optional(
    v.strictObject({
      scales: v.optional(v.array(v.picklist(Object.keys(SCALES) as Scale[]))),
      scores: v.optional(v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10)))),
      tags: v.optional(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(64)))),
      interactionTypes: v.optional(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(64)))),
    }),
  ),
};

export const DestinationSchema = v.variant('kind', [
  v.strictObject({
    ...base,
    kind: v.literal('webhook'),
    url: httpUrl,
    secret: v.pipe(v.string(), v.minLength(16, 'must have at least 16 characters')),
  }),
  v.strictObject({ ...base, kind: v.picklist(['slack', 'teams']), url: httpUrl }),
  v.strictObject({
    ...base,
    kind: v.literal('email'),
    to: v.pipe(v.array(EMAIL), v.minLength(1), v.maxLength(20)),
  }),
]);

export const OwnersSchema = v.pipe(v.array(EMAIL), v.maxLength(20));

/** Reserved id of the implicit e-mail destination that alerts a site's `owners`. */
export const OWNERS_DESTINATION = 'owners';
