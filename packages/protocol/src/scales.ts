/**
 * The rating scales and their inclusive score ranges. On every scale a higher score is better:
 * `ces7` runs from 1 "very difficult" to 7 "very easy", `thumbs` from 0 (down) to 1 (up).
 */
export const SCALES = {
  stars5: [1, 5],
  faces5: [1, 5],
  thumbs: [0, 1],
  nps: [0, 10],
  csat5: [1, 5],
  ces7: [1, 7],
} as const satisfies Record<string, readonly [number, number]>;

export type Scale = keyof typeof SCALES;

export const isScale = (name: unknown): name is Scale =>
  typeof name === 'string' && Object.hasOwn(SCALES, name);

/** Every score of the scale, low to high. */
export function scoresOf(scale: Scale): number[] {
  const [min, max] = SCALES[scale];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** Where a rating was given. */
export const SOURCES = ['web', 'webview-ios', 'webview-android', 'react-native', 'node'] as const;
export type Source = (typeof SOURCES)[number];

/**
 * Where an answer came from (contract 1.1). `widget`: a prompt shown by @raaye/widget; `api`: the
 * site's own `rate()` call; `email` / `sms`: a signed rating link. Optional on the wire: SDKs
 * older than 1.1 send none and are stored as `null`, counted as `unspecified`.
 */
export const CHANNELS = ['widget', 'email', 'sms', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The two channels a signed link can stand for. */
export type LinkChannel = Extract<Channel, 'email' | 'sms'>;
