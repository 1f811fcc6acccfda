import type { SiteKeys } from '../auth/keys';
import type { Logger } from '../log/logger';
import type { WebhookSender } from '../webhook/sender';
import type { EmitEvents } from './events';

/**
 * Until the durable outbox carries inbox events: each goes to the site's webhook (if any) and to
 * the log. Not transactional (sent before the commit): replaced by the outbox's enqueue.
 */
export function interimEmit(keys: SiteKeys, webhooks: WebhookSender, logger: Logger): EmitEvents {
  return async (_tx, siteId, events) => {
    const site = keys.byId(siteId);
    for (const event of events) {
      logger.info('inbox event', {
        site: siteId,
        type: event.type,
        subject: event.subjectId ?? null,
      });
      if (site?.webhook) webhooks.send(site.webhook, { type: event.type, ...event.data });
    }
  };
}
