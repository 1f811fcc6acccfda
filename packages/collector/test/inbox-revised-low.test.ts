// A link answer first not low, revised to low on its landing page after the inbox's high-water
// mark has passed it (the mark passes low ratings over a minute old), still gets its follow-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/store/types';
import { collector, envelope, postRequest, rating, site } from './_util/fixtures';
import { answerByLink } from './_util/link-answer';
import { storeCases } from './_util/stores';

describe.each(storeCases)('a link rating revised to low later ($name)', ({ create }) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await create());
  }, 180_000);
  afterAll(() => cleanup());

  const followUps = async (siteId: string) =>
    (
      await store.sql.query<{ rating_id: string }>(
        'SELECT rating_id::text AS rating_id FROM raaye_followups WHERE site_id = $1',
        [siteId],
      )
    ).map((r) => r.rating_id);

  it('gets its follow-up even after the mark passed it', async () => {
    const s = site();
    let clock = Date.now();
    const handler = collector(store, [s], {
      now: () => clock,
      delivery: { enabled: false },
      inbox: { intervalMs: false, emit: async () => {} },
    });
    // The 5-star link opened by a browser: a rating, not low.
    const answer = await answerByLink(handler, s.secretKey, 'rider-1', 'ride-1', 5);
    const [link] = await store.listRatings(s.id, {}, '0', 10);
    expect(link).toMatchObject({ score: 5, low: false });
    // A later low rating, and ten minutes on: the mark passes both.
    const other = rating({ score: 1 });
    await handler(postRequest(envelope([other], { siteKey: s.siteKey })));
    clock += 10 * 60_000;
    await handler.tick();
    expect(await followUps(s.id)).toEqual([other.id]);
    const [mark] = await store.sql.query<{ passed: boolean }>(
      `SELECT s.materialized_seq >= r.seq AS passed FROM raaye_inbox_settings s
       JOIN raaye_ratings r ON r.site_id = s.site_id AND r.id = $2::uuid WHERE s.site_id = $1`,
      [s.id, link!.id],
    );
    expect(mark?.passed).toBe(true);

    // Still within the revision window, the form makes it a 1.
    await answer.revise(1, 'Rude driver');
    await handler.tick();
    expect((await followUps(s.id)).sort()).toEqual([other.id, link!.id].sort());
    // And the mark moves on again once it has it.
    clock += 10 * 60_000;
    await handler.tick();
    const [after] = await store.sql.query<{ passed: boolean }>(
      `SELECT s.materialized_seq >= (SELECT max(seq) FROM raaye_ratings WHERE site_id = $1) AS passed
       FROM raaye_inbox_settings s WHERE s.site_id = $1`,
      [s.id],
    );
    expect(after?.passed).toBe(true);
    await handler.close();
  });
});
