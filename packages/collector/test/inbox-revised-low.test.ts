// A link answer first not low, revised to low on its landing page after the inbox's high-water
// mark has passed it (the mark passes low ratings over a minute old), still gets its follow-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/store/types';
import { collector, envelope, postRequest, rating, site } from './_util/fixtures';
import { storeCases } from './_util/stores';

function secret(path: string, key: string, body: unknown) {
  return new Request(`http://collector.test${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

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
    const owed = await handler(
      secret('/v1/owed', s.secretKey, { raterId: 'rider-1', interactionId: 'ride-1', links: true }),
    );
    expect(owed.status).toBe(201);
    const { links } = (await owed.json()) as {
      links: { sms: string; scores: Array<{ score: number; url: string }> };
    };
    // The 5-star link opened by a browser: a rating, not low.
    const page = await (await handler(new Request(links.scores[4]!.url))).text();
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(page)![1]!;
    const visit = /name="visit" value="([^"]+)"/.exec(page)![1]!;
    const action = new URL(/<form[^>]* action="([^"]+)"/.exec(page)![1]!, links.sms).href;
    await handler(
      new Request(`http://collector.test${css}`, {
        headers: { 'sec-fetch-dest': 'style', 'sec-fetch-mode': 'no-cors', accept: 'text/css' },
      }),
    );
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
    const res = await handler(
      new Request(action, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ visit, score: '1', comment: 'Rude driver' }),
      }),
    );
    expect(await res.text()).toContain('Thank you');
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
