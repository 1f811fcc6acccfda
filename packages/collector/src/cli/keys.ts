import { randomBytes } from 'node:crypto';

/** Random bytes in each key: 16 (128 bits) for the public key, 32 (256 bits) for the secret. */
const SITE_KEY_BYTES = 16;
const SECRET_KEY_BYTES = 32;

/**
 * A fresh key pair for a site, from the OS CSPRNG, base64url so it fits the `pk_…` / `sk_…`
 * shape the config accepts. The site key is public (it ships in pages), so 128 bits only has to
 * make it unguessable; the secret key reads every rating, so it gets 256.
 */
export function newKeyPair(): { siteKey: string; secretKey: string } {
  return {
    siteKey: `pk_${randomBytes(SITE_KEY_BYTES).toString('base64url')}`,
    secretKey: `sk_${randomBytes(SECRET_KEY_BYTES).toString('base64url')}`,
  };
}

/** `raaye-collector keys`: prints a new pair as JSON (paste into `sites`) and how to use it. */
export function keysCommand(out: (text: string) => void): number {
  const keys = newKeyPair();
  out(`${JSON.stringify(keys, null, 2)}\n`);
  return 0;
}
