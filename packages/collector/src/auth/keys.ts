import { createHash } from 'node:crypto';
import type { SiteConfig } from '../config/types';
import { CollectorError } from '../errors';

const digest = (key: string) => createHash('sha256').update(key).digest('hex');

/** Lookup tables for the configured keys. */
export class SiteKeys {
  readonly #bySiteKey = new Map<string, SiteConfig>();
  readonly #byId = new Map<string, SiteConfig>();
  // Keyed by a hash: a map lookup's timing then says nothing about the secret itself.
  readonly #bySecretHash = new Map<string, SiteConfig>();
  /** Union of every site's allowed origins, for preflights (they carry no site key). */
  readonly allOrigins: string[];

  constructor(sites: readonly SiteConfig[]) {
    for (const site of sites) {
      this.#bySiteKey.set(site.siteKey, site);
      this.#byId.set(site.id, site);
      this.#bySecretHash.set(digest(site.secretKey), site);
    }
    this.allOrigins = [...new Set(sites.flatMap((s) => s.allowedOrigins))];
  }

  /** The site of a public key; 401 when unknown. */
  bySiteKey(key: string | null | undefined): SiteConfig {
    const site = key ? this.#bySiteKey.get(key) : undefined;
    if (!site) throw new CollectorError('unknown_site_key', 'unknown site key');
    return site;
  }

  /** A configured site by id (a member's or token's site may have left the config). */
  byId(id: string): SiteConfig | undefined {
    return this.#byId.get(id);
  }

  /** The site whose secret key is in `Authorization: Bearer sk_…`; 401 otherwise. */
  bySecret(request: Request): SiteConfig {
    const token = bearer(request);
    const site = token?.startsWith('sk_') ? this.#bySecretHash.get(digest(token)) : undefined;
    if (!site) {
      throw new CollectorError(
        'unauthorized',
        'this route needs Authorization: Bearer <secret key>',
      );
    }
    return site;
  }
}

export function bearer(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S{1,200})$/i);
  return match?.[1];
}
