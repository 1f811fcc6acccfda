import type { RaayeClient } from '@raaye/core';
import { SCALES, type Scale } from '@raaye/core/contract';
import type { PromptConfig } from './types';

interface OwedItem {
  interactionId?: unknown;
  interactionType?: unknown;
  prompt?: unknown;
  scale?: unknown;
  expiresAt?: unknown;
}

/**
 * Prompts the server says this rater still owes (`GET /v1/owed?raterId=…`, public site key as a
 * bearer token), so a rating owed for a ride is asked on any device. Answers that do not parse
 * yield nothing: this runs in the background and must never break the page.
 */
export async function fetchOwed(client: RaayeClient): Promise<PromptConfig[]> {
  const { endpoint, siteKey } = client.options;
  const raterId = await client.raterId();
  const url = `${endpoint.replace(/\/$/, '')}/v1/owed?raterId=${encodeURIComponent(raterId)}`;
  const res = await fetch(url, { headers: { Authorization: `Bearer ${siteKey}` } });
  if (!res.ok) return [];
  const body = (await res.json()) as { owed?: OwedItem[]; items?: OwedItem[] } | OwedItem[];
  const list = Array.isArray(body) ? body : (body.owed ?? body.items ?? []);
  const out: PromptConfig[] = [];
  for (const it of list) {
    if (typeof it.interactionId !== 'string') continue;
    out.push({
      interactionId: it.interactionId,
      interactionType: typeof it.interactionType === 'string' ? it.interactionType : undefined,
      title: typeof it.prompt === 'string' ? it.prompt : undefined,
      scale: typeof it.scale === 'string' && it.scale in SCALES ? (it.scale as Scale) : undefined,
      expiresAt: typeof it.expiresAt === 'string' ? it.expiresAt : undefined,
      required: true,
    });
  }
  return out;
}
