import type { Channel } from '@raaye/protocol';

// The channels themselves are the contract's (@raaye/protocol); which of them a device may claim
// is the collector's policy.
export { CHANNELS, type Channel, type LinkChannel } from '@raaye/protocol';

/** Channels a device may claim on the wire; link channels are only set by the collector itself. */
const WIRE_CHANNELS: ReadonlySet<string> = new Set<Channel>(['widget', 'api']);

/** The stored channel of a wire rating: `null` when absent (old SDK) or not one a device may claim. */
export function wireChannel(value: string | undefined): Channel | null {
  return value !== undefined && WIRE_CHANNELS.has(value) ? (value as Channel) : null;
}
