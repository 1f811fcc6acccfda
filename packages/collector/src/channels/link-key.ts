import { createHmac } from 'node:crypto';
import type { SiteConfig } from '../config/types';

/**
 * The per-site key rating links are signed with. Kept behind this one function so it can move to
 * the verified-rater signing secret (issue 11) without touching the token format's users.
 * Until a site has its own signing secret, the key is derived from its secret key with a fixed
 * label: distinct from anything else signed with that secret, and rotated with it.
 */
export function linkKey(site: SiteConfig): Buffer {
  let key = cache.get(site);
  if (!key) {
    const secret = site.signingSecrets[0] ?? site.secretKey;
    key = createHmac('sha256', secret).update('raaye/rating-link-key/v1').digest();
    cache.set(site, key);
  }
  return key;
}

const cache = new WeakMap<SiteConfig, Buffer>();
