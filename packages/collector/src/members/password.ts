import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt from node:crypto rather than argon2: it is memory-hard (RFC 7914), ships with Node, runs
// on libuv's thread pool (sign-in never blocks the event loop) and needs no native add-on, which
// keeps `npx @raaye/collector` installable everywhere. N=2^15, r=8 costs 32 MiB and ~60 ms per
// hash; the parameters are stored in the hash so they can be raised without breaking old ones.
const DEFAULT = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, o: { N: number; r: number; p: number }) {
  const options: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 256 * o.N * o.r + 1024 * 1024 };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * `scrypt$N$r$p$salt$key` (base64url parts). `cost` is for tests only: a cheaper hash still
 * verifies, at its own cost.
 */
export async function hashPassword(
  password: string,
  cost: { N: number; r: number; p: number } = DEFAULT,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return [
    'scrypt',
    cost.N,
    cost.r,
    cost.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** Constant-time check of `password` against a stored hash; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((x) => Number.isInteger(x) && x > 0)) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), params);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of nothing anyone knows: verifying against it costs what a real check costs, so an
 * unknown e-mail answers no faster than a wrong password. */
export const DECOY_HASH = `scrypt$${DEFAULT.N}$${DEFAULT.r}$${DEFAULT.p}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;

/** Passwords people can type and remember; long enough that guessing through the rate limit fails. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 10) return 'must have at least 10 characters';
  if (password.length > 256) return 'must have at most 256 characters';
  return undefined;
}
