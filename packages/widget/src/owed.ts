import type { RaayeClient } from '@raaye/core';
import type { PromptConfig } from './types';

interface OwedItem {
  interactionId: string;
  interactionType?: string;
  /** The question to show. */
  prompt?: string;
  scale?: PromptConfig['scale'];
  tags?: PromptConfig['tags'] | null;
  expiresAt?: string;
}

/**
 * Prompts the server says this rater still owes (`GET /v1/owed?raterId=…`, public site key as a
 * bearer token), so a rating owed for a ride is asked on any device. Each one is validated by
 * `ask()` before it is shown; a failure here is reported, never thrown into the page.
 */
export async function fetchOwed(client: RaayeClient): Promise<PromptConfig[]> {
  const { endpoint, siteKey } = client.options;
  const url = `${endpoint.replace(/\/$/, '')}/v1/owed?raterId=${encodeURIComponent(await client.raterId())}`;
  const res = await fetch(url, { headers: { Authorization: `Bearer ${siteKey}` } });
  if (!res.ok) return [];
  const body = (await res.json()) as { owed?: OwedItem[]; closed?: string[] } | OwedItem[];
  // Answered on another device or channel (e-mail, SMS link), cancelled or expired: drop the
  // prompt this device still holds, so it is never asked again.
  if (!Array.isArray(body)) for (const id of body.closed ?? []) await client.resolve(id);
  return (Array.isArray(body) ? body : (body.owed ?? [])).map((it) => ({
    interactionId: it.interactionId,
    interactionType: it.interactionType ?? undefined,
    title: it.prompt ?? undefined,
    scale: it.scale ?? undefined,
    tags: it.tags ?? undefined,
    expiresAt: it.expiresAt,
    required: true,
  }));
}
