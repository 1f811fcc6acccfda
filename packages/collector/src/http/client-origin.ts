import { originAllowed } from '../config/origin';
import type { SiteConfig } from '../config/types';
import { CollectorError } from '../errors';

/**
 * Browsers always send `Origin` on cross-origin and on POST requests; its absence means a
 * server or an app, which the public key alone admits (it is public anyway).
 */
export function checkOrigin(request: Request, site: SiteConfig): void {
  const origin = request.headers.get('origin');
  if (origin !== null && !originAllowed(origin, site.allowedOrigins)) {
    throw new CollectorError(
      'origin_not_allowed',
      `origin ${origin} is not allowed for this site key`,
    );
  }
}
