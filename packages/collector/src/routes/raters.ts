import { LIMITS } from '@raaye/protocol';
import { CollectorError } from '../errors';
import { json } from '../http/respond';
import { findUnsafeText } from '../validate/text-safety';
import type { SiteContext } from './context';

/** `DELETE /v1/raters/:raterId` (secret key): erases the rater's ratings and debts (GDPR art. 17). */
export async function eraseRater(ctx: SiteContext, raterId: string): Promise<Response> {
  const { site } = ctx;
  if (
    raterId.length === 0 ||
    raterId.length > LIMITS.raterId ||
    findUnsafeText(raterId, 'raterId')
  ) {
    throw new CollectorError('invalid_body', 'raterId must have 1–128 characters', {
      path: 'raterId',
    });
  }
  const deleted = await ctx.deps.store.eraseRater(site.id, raterId);
  ctx.deps.logger.info('rater erased', { site: site.id, ...deleted });
  return json({ raterId, deleted });
}
