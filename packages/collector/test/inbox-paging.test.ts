import type { WireRating } from '@raaye/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collector, envelope, postRequest, rating, site } from './_util/fixtures';
import { type StoreHandle, storeCases } from './_util/stores';
import { seedMember, signIn } from './_util/team';

interface Item {
  id: string;
  openedAt: string;
  dueAt: string;
  rating: { comment: string | null };
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

// Issue 11, "spam buries the inbox": the dashboard asked for follow-ups oldest first and stopped
// at a cap, so after a burst the newest real complaint was not shown.
describe.each(storeCases)('inbox after a spam burst on $name', (storeCase) => {
  let handle: StoreHandle;
  // PGlite takes long to open on a loaded machine.
  beforeAll(async () => {
    handle = await storeCase.create();
  }, 180_000);
  afterAll(() => handle.cleanup());

  it('shows the newest real complaint first, and pages past 200 in both orders', async () => {
    const s = site();
    const handler = collector(handle.store, [s], {
      inbox: { intervalMs: false, emit: async () => {} },
    });
    await seedMember(handle.store, s.id, 'ana@shop.example', 'agent');
    const post = async (ratings: WireRating[]) => {
      const response = await handler(postRequest(envelope(ratings, { siteKey: s.siteKey })));
      expect(response.status).toBe(200);
    };
    const SPAM = 250;
    for (let i = 0; i < SPAM; i += 100) {
      await post(
        Array.from({ length: Math.min(100, SPAM - i) }, (_, j) =>
          rating({ score: 1, comment: `spam ${i + j} buy now`, raterId: `bot-${i + j}` }),
        ),
      );
    }
    const real = rating({ score: 1, comment: 'ڈرائیور نے بدتمیزی کی', raterId: 'cust-1' });
    await post([real]);

    const agent = await signIn(handler, 'ana@shop.example');
    const list = async (query: string) => {
      const response = await agent.call(`/v1/inbox?${query}`);
      expect(response.status, await response.clone().text()).toBe(200);
      return (await response.json()) as Page;
    };
    // The very first read, before any background pass caught up with the burst.
    const first = await list('order=newest&limit=20');
    expect(first.items[0]?.id).toBe(real.id);
    // Found by searching its words too.
    expect((await list('order=newest&q=بدتمیزی')).items.map((i) => i.id)).toEqual([real.id]);

    // Every follow-up opened, then walked in pages of 200 each way: all 251, once each, in order.
    for (let pass = 0; pass < 5; pass++) await handler.tick();
    for (const order of ['newest', 'due'] as const) {
      const seen: Item[] = [];
      let cursor = '';
      for (let n = 0; n < 10; n++) {
        const page = await list(`order=${order}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(new Set(seen.map((i) => i.id)).size, order).toBe(SPAM + 1);
      const keys = seen.map((i) => Date.parse(order === 'newest' ? i.openedAt : i.dueAt));
      expect(keys, order).toEqual([...keys].sort((a, b) => (order === 'newest' ? b - a : a - b)));
    }
    // A cursor made for one order is refused for the other.
    const newest = await list('order=newest&limit=5');
    const wrong = await agent.call(`/v1/inbox?order=due&cursor=${newest.nextCursor}`);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { path: 'cursor' } });
    expect((await agent.call('/v1/inbox?order=oldest')).status).toBe(400);
  });
});
