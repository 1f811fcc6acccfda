/** Shortest secret key the CLI starts with. */
export const MIN_SECRET_KEY_LENGTH = 32;

/**
 * Why `key` is too weak to guard the read side, or undefined when it is fine: fewer than 32
 * characters, or too little variety to be random (Shannon estimate below 3.5 bits per character
 * or fewer than 12 distinct characters after the `sk_` prefix). A heuristic against typed keys
 * like `sk_1` or `sk_aaaa…`; `raaye-collector keys` makes proper ones.
 */
export function weakKeyReason(key: string): string | undefined {
  if (key.length < MIN_SECRET_KEY_LENGTH) {
    return `has ${key.length} characters; at least ${MIN_SECRET_KEY_LENGTH} are needed`;
  }
  const body = key.replace(/^sk_/, '');
  const counts = new Map<string, number>();
  for (const ch of body) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / body.length) * Math.log2(n / body.length);
  if (counts.size < 12 || bits < 3.5) return 'looks too regular to be random';
  return undefined;
}
