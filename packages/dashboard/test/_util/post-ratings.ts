// Ratings as a site's page posts them, for the dashboard's end-to-end tests (the collector they
// run against: @raaye/test-utils/dashboard-cli).
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..', '..');

/** A UUIDv7-shaped id (the collector accepts any RFC 9562 UUID). */
export function uuid(): string {
  const hex = [...crypto.getRandomValues(new Uint8Array(16))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  const ms = Date.now().toString(16).padStart(12, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface RatingInput {
  interactionId: string;
  interactionType?: string;
  scale: string;
  score: number;
  comment?: string;
  tags?: string[];
  raterId?: string;
  locale?: string;
  user?: { id?: string; traits?: Record<string, unknown> };
  /** @default now */
  createdAt?: string;
}

/** Posts ratings as a browser on the site's page would: public key, the page's Origin. */
export async function postRatings(
  base: string,
  ratings: RatingInput[],
  siteKey = 'pk_demo',
): Promise<string[]> {
  const now = new Date().toISOString();
  const body = {
    siteKey,
    sentAt: now,
    ratings: ratings.map((r) => ({
      id: uuid(),
      raterId: `rater_${r.interactionId}`,
      source: 'web',
      createdAt: now,
      ...r,
    })),
  };
  const response = await fetch(`${base}/v1/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { results: Array<{ id: string; status: string }> };
  if (!response.ok || json.results.some((r) => r.status !== 'accepted')) {
    throw new Error(`ratings not accepted: ${response.status} ${JSON.stringify(json)}`);
  }
  return json.results.map((r) => r.id);
}
