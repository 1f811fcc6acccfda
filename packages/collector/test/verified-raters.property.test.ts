import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collector,
  envelope,
  getRequest,
  postRequest,
  raterToken,
  rating,
  secretRequest,
  site,
} from './_util/fixtures';
import { openStore, storeCases } from './_util/stores';

const RATERS = ['r1', 'r2'];
const INTERACTIONS = ['i1', 'i2'];

interface Op {
  rater: string;
  interaction: string;
  verified: boolean;
  score: number;
}

const op = fc.record({
  rater: fc.constantFrom(...RATERS),
  interaction: fc.constantFrom(...INTERACTIONS),
  verified: fc.boolean(),
  score: fc.integer({ min: 1, max: 5 }),
});

// Random interleavings: ratings from the real rater (with a token) and forged ones (without)
// arrive in random order, in random batches, some batches at the same time.
const plan = fc.record({
  ops: fc.array(op, { minLength: 1, maxLength: 12 }),
  cuts: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 12, maxLength: 12 }),
  concurrent: fc.boolean(),
});

describe.each(storeCases)('verified raters under open on $name', (storeCase) => {
  const handle = openStore(storeCase);

  it('a forged rating never displaces nor pre-empts a verified one, nor settles its debt', async () => {
    await fc.assert(
      fc.asyncProperty(plan, async ({ ops, cuts, concurrent }) => {
        const s = site({ raters: 'open' });
        const handler = collector(handle.store, [s]);
        for (const rater of RATERS) {
          for (const interaction of INTERACTIONS) {
            const res = await handler(
              secretRequest('/v1/owed', s.secretKey, {
                raterId: rater,
                interactionId: interaction,
              }),
            );
            expect(res.status).toBe(201);
          }
        }
        const sent = ops.map((o: Op) => ({
          op: o,
          wire: rating({
            raterId: o.rater,
            interactionId: o.interaction,
            score: o.score,
            ...(o.verified ? { token: raterToken(o.rater) } : {}),
          }),
        }));
        const batches: (typeof sent)[] = [];
        for (let i = 0, c = 0; i < sent.length; c++) {
          const size = cuts[c % cuts.length]!;
          batches.push(sent.slice(i, i + size));
          i += size;
        }
        // As the SDK does: a 503 (the store could not answer now) is sent again later. The
        // store retries its own deadlocks first, so this is rare; the end state must hold anyway.
        const post = async (batch: typeof sent) => {
          for (let attempt = 1; ; attempt++) {
            const res = await handler(
              postRequest(
                envelope(
                  batch.map((b) => b.wire),
                  { siteKey: s.siteKey },
                ),
              ),
            );
            if (res.status !== 503 || attempt === 5) {
              expect(res.status).toBe(200);
              return;
            }
          }
        };
        if (concurrent) await Promise.all(batches.map(post));
        else for (const batch of batches) await post(batch);

        const stored = await handle.store.listRatings(s.id, {}, '0', 100);
        for (const rater of RATERS) {
          const owedRes = await handler(
            getRequest(`/v1/owed?raterId=${rater}&siteKey=${s.siteKey}&token=${raterToken(rater)}`),
          );
          const owed = ((await owedRes.json()) as { owed: Array<{ interactionId: string }> }).owed;
          for (const interaction of INTERACTIONS) {
            const mine = sent.filter(
              (x) => x.op.rater === rater && x.op.interaction === interaction,
            );
            const verifiedIds = mine.filter((x) => x.op.verified).map((x) => x.wire.id);
            const row = stored.filter(
              (r) => r.raterId === rater && r.interactionId === interaction,
            );
            expect(row.length).toBeLessThanOrEqual(1);
            const stillOwed = owed.some((o) => o.interactionId === interaction);
            if (verifiedIds.length > 0) {
              // The slot belongs to a verified rating, and the debt is settled.
              expect(row[0]?.verified).toBe(true);
              expect(verifiedIds).toContain(row[0]!.id);
              expect(stillOwed).toBe(false);
            } else {
              // Only forged ones: kept as unverified, and the debt is still owed.
              if (row[0]) expect(row[0].verified).toBe(false);
              expect(stillOwed).toBe(true);
            }
          }
        }
      }),
      { numRuns: 25, seed: 11 },
    );
  }, 120_000);

  it('a verified rating takes its slot back from a forged one earlier in the same batch', async () => {
    const s = site({ raters: 'open' });
    const handler = collector(handle.store, [s]);
    const forged = rating({ raterId: 'u1', interactionId: 'ride-1', score: 1 });
    const real = rating({
      raterId: 'u1',
      interactionId: 'ride-1',
      score: 4,
      token: raterToken('u1', 'ride-1'),
    });
    const res = await handler(postRequest(envelope([forged, real], { siteKey: s.siteKey })));
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: Array<{ id: string; status: string }> };
    expect(results).toEqual([
      { id: forged.id, status: 'duplicate' },
      { id: real.id, status: 'accepted' },
    ]);
    const stored = await handle.store.listRatings(s.id, {}, '0', 100);
    expect(stored.map((r) => [r.id, r.verified])).toEqual([[real.id, true]]);
  });

  it('under signed, no rating without a valid token is stored', async () => {
    const s = site({ raters: 'signed' });
    const handler = collector(handle.store, [s]);
    const forged = [
      rating({ raterId: 'u1' }),
      rating({ raterId: 'u1', token: raterToken('u2') }),
      rating({ raterId: 'u1', token: `${raterToken('u1')}x` }),
      rating({ raterId: 'u1', token: raterToken('u1', 'other-interaction') }),
      rating({ raterId: 'u1', user: { id: 'u9' }, token: raterToken('u1') }),
    ];
    const res = await handler(postRequest(envelope(forged, { siteKey: s.siteKey })));
    expect(res.status).toBe(401);
    const body = (await res.json()) as {
      error: { code: string };
      results: Array<{ status: string }>;
    };
    expect(body.error.code).toBe('rater_token_required');
    expect(body.results.every((r) => r.status === 'rejected')).toBe(true);
    expect(await handle.store.listRatings(s.id, {}, '0', 100)).toEqual([]);
    const good = rating({ raterId: 'u1', token: raterToken('u1') });
    const ok = await handler(postRequest(envelope([good], { siteKey: s.siteKey })));
    expect(ok.status).toBe(200);
    const [row] = await handle.store.listRatings(s.id, {}, '0', 100);
    expect(row?.verified).toBe(true);
  });
});
