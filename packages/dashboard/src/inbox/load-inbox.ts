import type { Api, InboxQuery } from '../api/client';
import type { FollowUp } from '../api/types';

/** Follow-ups the inbox shows at first, and how many more each "Load more" adds. */
export const INBOX_PAGE = 100;

/**
 * The first `want` follow-ups of a view in the server's order, walking its keyset pages. Each
 * poll asks again from the top, so a follow-up arriving meanwhile shifts the list instead of
 * opening a gap between pages loaded at different times.
 */
export async function loadInbox(
  api: Api,
  query: InboxQuery,
  want: number,
  signal?: AbortSignal,
): Promise<{ items: FollowUp[]; more: boolean }> {
  const items: FollowUp[] = [];
  let cursor: string | undefined;
  for (;;) {
    const limit = Math.min(500, want - items.length);
    const page = await api.inbox({ ...query, limit, ...(cursor ? { cursor } : {}) }, signal);
    items.push(...page.items);
    if (!page.nextCursor) return { items, more: false };
    if (items.length >= want) return { items, more: true };
    cursor = page.nextCursor;
  }
}
