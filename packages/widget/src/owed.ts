import type { RaayeClient } from '@raaye/core';
import { type OwedList, RATER_TOKEN_HEADER } from '@raaye/protocol';
import type { PromptConfig } from './types';

/**
 * Prompts the server says this rater still owes (`GET /v1/owed?raterId=…`, public site key as a
 * bearer token, the rater token from `identify({ id, token })` in its header), so a rating owed
 * for a ride is asked on any device. Each one carries a token bound to its interaction, which its
 * rating sends. Without a rater token there is nothing to ask the collector (it answers 401), so
 * no request is made. Each prompt is validated by `ask()` before it is shown; a failure here is
 * reported, never thrown into the page.
 */
export async function fetchOwed(client: RaayeClient): Promise<PromptConfig[]> {
  const token = client.raterToken();
  if (!token) return [];
  const { endpoint, siteKey } = client.options;
  const url = `${endpoint}/v1/owed?raterId=${encodeURIComponent(await client.raterId())}`;
  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${siteKey}`, [RATER_TOKEN_HEADER]: token },
  });
  if (!res.ok) return [];
  const { owed = [], closed = [] } = (await res.json()) as Partial<OwedList>;
  // Answered on another device or channel (e-mail, SMS link), cancelled or expired: drop the
  // prompt this device still holds, so it is never asked again.
  for (const id of closed) await client.resolve(id);
  return owed.map((it) => ({
    interactionId: it.interactionId,
    interactionType: it.interactionType ?? undefined,
    title: it.prompt ?? undefined,
    scale: it.scale ?? undefined,
    tags: it.tags ?? undefined,
    expiresAt: it.expiresAt,
    token: it.token,
    required: true,
  }));
}
