import { receives } from '../outbox/event-types';
import type { DestinationConfig } from './config';

/**
 * True when `destination` subscribes to the event's type and its filter matches the event's
 * rating. Events without a rating (e.g. `destination.disabled`) pass the rating filters.
 */
export function wants(
  destination: DestinationConfig,
  type: string,
  data: Record<string, unknown>,
): boolean {
  if (!receives(destination.events, type)) return false;
  const filter = destination.filter;
  const rating = data.rating as
    | { scale?: string; score?: number; tags?: string[]; interactionType?: string | null }
    | undefined;
  if (!filter || !rating) return true;
  if (filter.scales && !filter.scales.includes(rating.scale as never)) return false;
  if (filter.scores && !filter.scores.includes(rating.score as number)) return false;
  if (filter.tags && !filter.tags.some((t) => rating.tags?.includes(t))) return false;
  if (
    filter.interactionTypes &&
    !filter.interactionTypes.includes(rating.interactionType as string)
  ) {
    return false;
  }
  return true;
}
