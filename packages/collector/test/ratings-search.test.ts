import {
  HEADERS,
  type RatingsPage,
  type RatingsQuery,
  ratingsSearchParams,
  type StoredRating,
  type WireRating,
} from '@raaye/protocol';
import { describe, expect, it } from 'vitest';
import {
  collector,
  envelope,
  getRequest,
  postRequest,
  raterToken,
  rating,
  site,
} from './_util/fixtures';
import { openStore, storeCases } from './_util/stores';
import { seedMember, signIn } from './_util/team';

const HOUR = 3_600_000;

describe.each(storeCases)('GET /v1/ratings/search on $name', (storeCase) => {
  const handle = openStore(storeCase);

  function setup() {
    const s = site();
    const handler = collector(handle.store, [s], { inbox: { intervalMs: false } });
    /** Posts ratings made `hoursAgo` before now (one envelope, so one receive time). */
    const post = async (ratings: WireRating[]) => {
      const response = await handler(postRequest(envelope(ratings, { siteKey: s.siteKey })));
      const body = (await response.json()) as { results: Array<{ status: string }> };
      expect(body.results.filter((r) => r.status !== 'accepted')).toEqual([]);
    };
    const search = async (query: RatingsQuery | string, key = s.secretKey) => {
      const qs = typeof query === 'string' ? query : ratingsSearchParams(query).toString();
      return handler(getRequest(`/v1/ratings/search?${qs}`, key));
    };
    const page = async (query: RatingsQuery) => {
      const response = await search(query);
      expect(response.status, await response.clone().text()).toBe(200);
      const body = (await response.json()) as RatingsPage;
      expect(response.headers.get(HEADERS.nextCursor)).toBe(body.nextCursor);
      return body;
    };
    /** Every page of a query, following the cursor. */
    const walk = async (query: RatingsQuery) => {
      const all: StoredRating[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 100; i++) {
        const body = await page({ ...query, ...(cursor ? { cursor } : {}) });
        all.push(...body.ratings);
        if (!body.nextCursor) return all;
        cursor = body.nextCursor;
      }
      throw new Error('the walk did not end');
    };
    return { s, handler, post, search, page, walk };
  }

  const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

  it('filters on the server by score, scale, tags, type, dates, verified, comment, channel and customer', async () => {
    const { post, walk } = setup();
    const made: WireRating[] = [
      rating({ score: 1, tags: ['late', 'rude'], comment: 'Driver was LATE', createdAt: ago(1) }),
      rating({ score: 2, tags: ['late'], channel: 'widget', createdAt: ago(2) }),
      rating({ score: 5, comment: '', channel: 'api', createdAt: ago(3), interactionType: 'chat' }),
      rating({ scale: 'nps', score: 9, comment: 'great', createdAt: ago(30) }),
      rating({
        score: 4,
        raterId: 'cust-9',
        token: raterToken('cust-9'),
        user: { id: 'cust-9' },
        createdAt: ago(50),
      }),
      // The same customer through the site's own API call, unsigned.
      rating({ score: 3, raterId: 'cust-9', channel: 'api', createdAt: ago(60) }),
    ];
    await post(made);
    const ids = (list: StoredRating[]) => list.map((r) => r.id);
    const [low1, low2, five, nps, verified, sameCustomer] = made.map((r) => r.id);

    // Newest first, all of them.
    expect(ids(await walk({}))).toEqual([low1, low2, five, nps, verified, sameCustomer]);
    expect(ids(await walk({ scores: [1, 5] }))).toEqual([low1, five]);
    expect(ids(await walk({ scale: 'nps' }))).toEqual([nps]);
    expect(ids(await walk({ tags: ['late'] }))).toEqual([low1, low2]);
    expect(ids(await walk({ tags: ['late', 'rude'] }))).toEqual([low1]);
    expect(ids(await walk({ interactionType: 'chat' }))).toEqual([five]);
    expect(ids(await walk({ from: ago(40), to: ago(2.5) }))).toEqual([five, nps]);
    expect(ids(await walk({ verified: true }))).toEqual([verified]);
    expect(ids(await walk({ hasComment: true }))).toEqual([low1, nps]);
    expect(ids(await walk({ hasComment: false, scores: [5] }))).toEqual([five]);
    expect(ids(await walk({ channels: ['widget', 'api'] }))).toEqual([low2, five, sameCustomer]);
    expect(ids(await walk({ channels: ['unspecified'], scale: 'stars5' }))).toEqual([
      low1,
      verified,
    ]);
    expect(ids(await walk({ channels: ['unspecified', 'widget'], scale: 'stars5' }))).toEqual([
      low1,
      low2,
      verified,
    ]);
    // One customer across channels: by rater id (or user id, which must equal it when sent).
    expect(ids(await walk({ customer: 'cust-9' }))).toEqual([verified, sameCustomer]);
    const full = (await walk({ scores: [1] }))[0]!;
    expect(full).toMatchObject({ score: 1, tags: ['late', 'rude'], comment: 'Driver was LATE' });
    expect(full).not.toHaveProperty('seq');
  });

  it('searches comments in English, Urdu and Arabic, case-insensitive, words anywhere', async () => {
    const { post, walk } = setup();
    const made = [
      rating({ comment: 'The driver was very Late and rude' }),
      rating({ comment: 'ڈرائیور دیر سے آیا۔ بہت برا تجربہ' }),
      rating({ comment: 'السائق تأخر كثيراً، والسيارة متسخة' }),
      rating({ comment: '100% wrong_order' }),
      rating(),
    ];
    await post(made);
    const found = async (q: string) => (await walk({ q })).map((r) => r.comment).sort();
    expect(await found('late')).toEqual(['The driver was very Late and rude']);
    expect(await found('RUDE driver')).toEqual(['The driver was very Late and rude']);
    expect(await found('driver polite')).toEqual([]);
    // Urdu: a word followed by the full stop ۔ (glued to it in PostgreSQL's C-locale parser).
    expect(await found('آیا')).toEqual(['ڈرائیور دیر سے آیا۔ بہت برا تجربہ']);
    expect(await found('دیر  تجربہ')).toEqual(['ڈرائیور دیر سے آیا۔ بہت برا تجربہ']);
    // Arabic: "car" inside "and the car" (و + ال attached) and a word before the comma ،.
    expect(await found('سيارة')).toEqual(['السائق تأخر كثيراً، والسيارة متسخة']);
    expect(await found('كثيراً')).toEqual(['السائق تأخر كثيراً، والسيارة متسخة']);
    // LIKE's wildcards are plain characters here.
    expect(await found('%')).toEqual(['100% wrong_order']);
    expect(await found('g_o')).toEqual(['100% wrong_order']);
    expect(await found('w%g')).toEqual([]);
  });

  it('pages newest first by cursor, ties broken by arrival, with nothing lost or repeated', async () => {
    const { post, page, walk } = setup();
    // 45 ratings, in batches sharing one event time each (ties), over five days.
    const made: WireRating[] = [];
    for (let b = 0; b < 9; b++) {
      const createdAt = ago(b * 12);
      const batch = Array.from({ length: 5 }, () => rating({ score: (b % 5) + 1, createdAt }));
      await post(batch);
      made.push(...batch);
    }
    const all = await walk({ limit: 7 } as RatingsQuery);
    expect(all).toHaveLength(45);
    expect(new Set(all.map((r) => r.id)).size).toBe(45);
    const times = all.map((r) => Date.parse(r.eventTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Within one event time, later arrivals first: batch members come back in reverse id order.
    expect(all.slice(0, 5).map((r) => r.id)).toEqual(
      made
        .slice(0, 5)
        .map((r) => r.id)
        .sort()
        .reverse(),
    );
    const first = await page({ limit: 45 });
    expect(first.nextCursor).toBeNull();
    expect((await page({ limit: 44 })).nextCursor).not.toBeNull();
  });

  it('keeps pages exact while ratings arrive during the walk', async () => {
    const { post, page } = setup();
    const before: WireRating[] = [];
    for (let b = 0; b < 6; b++) {
      const batch = Array.from({ length: 6 }, (_, i) => rating({ createdAt: ago(b * 24 + i) }));
      await post(batch);
      before.push(...batch);
    }
    const seen: StoredRating[] = [];
    let cursor: string | undefined;
    let round = 0;
    do {
      // Each page is asked while a batch is being written: new ones now, and late ones
      // (a device that was offline) placed among the ratings being walked.
      const arriving = [rating(), rating({ createdAt: ago(round * 20 + 3) }), rating()];
      const [body] = await Promise.all([
        page({ limit: 5, ...(cursor ? { cursor } : {}) }),
        post(arriving),
      ]);
      seen.push(...body.ratings);
      cursor = body.nextCursor ?? undefined;
      round++;
    } while (cursor && round < 50);
    const ids = seen.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = seen.map((r) => Date.parse(r.eventTime));
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
    const seenIds = new Set(ids);
    expect(before.filter((r) => !seenIds.has(r.id))).toEqual([]);
  });

  it('answers bad filters with a 400 naming the parameter', async () => {
    const { search } = setup();
    const cases: Array<[string, string]> = [
      ['score=11', 'score'],
      ['score=one', 'score'],
      ['scale=stars10', 'scale'],
      ['verified=yes', 'verified'],
      ['hasComment=1', 'hasComment'],
      ['channel=fax', 'channel'],
      ['from=yesterday', 'from'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['cursor=bm9wZQ', 'cursor'],
      [`q=${'x'.repeat(201)}`, 'q'],
      ['q=a b c d e f g h i', 'q'],
      ['q=%00', 'q'],
      ['tag=', 'tag'],
      ['customer=', 'customer'],
      ['sort=oldest', 'sort'],
      ['q=a&q=b', 'q'],
      [Array.from({ length: 12 }, (_, i) => `tag=t${i}`).join('&'), 'tag'],
    ];
    for (const [query, path] of cases) {
      const response = await search(query);
      expect(response.status, query).toBe(400);
      expect(await response.json(), query).toMatchObject({
        error: { code: 'invalid_body', path },
      });
    }
  });

  it('reads with the secret key, a read-only token or any member session; never across sites', async () => {
    const { s, handler, post, search } = setup();
    const other = site();
    const both = collector(handle.store, [s, other], { inbox: { intervalMs: false } });
    const mine = rating({ comment: 'mine' });
    await post([mine]);
    await both(postRequest(envelope([rating({ comment: 'theirs' })], { siteKey: other.siteKey })));

    expect((await search({})).status).toBe(200);
    expect((await handler(getRequest('/v1/ratings/search'))).status).toBe(401);
    expect((await search({}, s.siteKey)).status).toBe(401);

    await seedMember(handle.store, s.id, 'owner@shop.example', 'owner');
    await seedMember(handle.store, s.id, 'vic@shop.example', 'viewer');
    const viewer = await signIn(handler, 'vic@shop.example');
    const asViewer = (await (await viewer.call('/v1/ratings/search')).json()) as RatingsPage;
    expect(asViewer.ratings.map((r) => r.comment)).toEqual(['mine']);

    const owner = await signIn(handler, 'owner@shop.example');
    const created = (await (
      await owner.call('/v1/tokens', { method: 'POST', body: { name: 'BI', scope: 'read' } })
    ).json()) as { secret: string };
    const byToken = (await (await search({ q: 'mine' }, created.secret)).json()) as RatingsPage;
    expect(byToken.ratings.map((r) => r.id)).toEqual([mine.id]);

    const theirs = (await (
      await both(getRequest('/v1/ratings/search', other.secretKey))
    ).json()) as RatingsPage;
    expect(theirs.ratings.map((r) => r.comment)).toEqual(['theirs']);
  });
});
