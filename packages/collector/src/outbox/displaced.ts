import type { StoredRating } from '@raaye/protocol';
import type { SqlClient } from '../store/sql-client';
import { enqueueEvents } from './enqueue';
import type { EventType } from './event-types';
import { ratingPayload } from './rating-events';

/** An unverified rating deleted to give its slot to the verified rater's own. */
export interface Displaced {
  rating: StoredRating;
  /** The verified rating that took its place. */
  by: string;
}

// Their `rating.created` / `rating.low` events: not sent yet → never sent.
const FORGET_UNSENT = `
WITH gone AS (SELECT jsonb_array_elements_text($2::text::jsonb) AS id),
dropped AS (
  DELETE FROM raaye_deliveries d USING raaye_events e
  WHERE d.event_seq = e.seq AND e.site_id = $1 AND e.subject_id IN (SELECT id FROM gone)
    AND e.type IN ('rating.created', 'rating.low') AND d.state = 'pending'
  RETURNING 1
)
DELETE FROM raaye_events e
WHERE e.site_id = $1 AND e.subject_id IN (SELECT id FROM gone)
  AND e.type IN ('rating.created', 'rating.low') AND NOT e.fanned_out`;

/**
 * In the transaction that displaced them (issue 11, `raters: 'open'`): a forged rating's webhooks,
 * alerts and e-mails that have not gone out are cancelled; for what may have gone out, a
 * `rating.displaced` event tells the same destinations (those receiving `rating.created` or
 * `rating.low` get it implicitly; see `receives`) to forget it. Holding the events of every
 * unverified rating back instead would delay every alert under `open` indefinitely: a verified
 * rating may arrive at any time.
 */
export async function retractDisplaced(
  tx: SqlClient,
  siteId: string,
  displaced: Displaced[],
  wanted: ReadonlySet<EventType>,
  at: string,
): Promise<void> {
  if (displaced.length === 0) return;
  await tx.query(FORGET_UNSENT, [siteId, JSON.stringify(displaced.map((d) => d.rating.id))]);
  if (!wanted.has('rating.displaced')) return;
  await enqueueEvents(
    tx,
    siteId,
    displaced.map(({ rating, by }) => ({
      type: 'rating.displaced' as const,
      raterId: rating.raterId,
      userId: rating.userId,
      subjectId: rating.id,
      data: { site: siteId, rating: ratingPayload(rating), displacedBy: by },
    })),
    at,
  );
}
