/**
 * Request bodies for load tests: the envelope the SDK sends, with fresh UUIDv7-shaped ids and
 * distinct raters and interactions every time, so nothing is deduplicated away. Shared by this
 * package's ingest bench and the side-by-side benchmarks in bench/.
 */
let n = 0;

function uuid7(): string {
  const hex = crypto.randomUUID().replaceAll('-', '');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export function benchEnvelope(siteKey: string, batch: number): string {
  const now = new Date().toISOString();
  const ratings = Array.from({ length: batch }, () => {
    n++;
    return {
      id: uuid7(),
      interactionId: `order-${n}`,
      interactionType: 'delivery',
      scale: 'stars5',
      score: (n % 5) + 1,
      raterId: `rater-${n % 10_000}-${n}`,
      source: 'web',
      tags: ['late'],
      comment: 'bench',
      createdAt: now,
    };
  });
  return JSON.stringify({ siteKey, sentAt: now, ratings });
}
