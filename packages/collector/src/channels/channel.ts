/**
 * Where an answer came from. `widget`: a prompt shown by @raaye/widget; `api`: the site's own
 * `rate()` call; `email` / `sms`: a signed rating link. Contract 1.1 (optional on the wire; SDKs
 * older than 1.1 send none and are stored as `null`, counted as `unspecified`).
 * TODO(protocol): move to @raaye/protocol once it lands; this is the only definition until then.
 */
export const CHANNELS = ['widget', 'email', 'sms', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The two channels a signed link can stand for (the link's first character). */
export type LinkChannel = Extract<Channel, 'email' | 'sms'>;

/** Channels a device may claim on the wire; link channels are only set by the collector itself. */
const WIRE_CHANNELS: ReadonlySet<string> = new Set<Channel>(['widget', 'api']);

/** The stored channel of a wire rating: `null` when absent (old SDK) or not one a device may claim. */
export function wireChannel(value: string | undefined): Channel | null {
  return value !== undefined && WIRE_CHANNELS.has(value) ? (value as Channel) : null;
}
