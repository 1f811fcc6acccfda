// Each thing that happens raises its event once, whichever path records it: a reply recorded by
// the legacy POST /v1/follow-ups/:id and by the team inbox, and a rating revised to low on the
// landing page of a signed link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/types';
import { collector, envelope, postRequest, rating, secretRequest, site } from '../_util/fixtures';
import { answerByLink } from '../_util/link-answer';
import { storeCases } from '../_util/stores';
import { seedMember, signIn } from '../_util/team';

const SECRET = 'a-secret-of-at-least-16-characters';

describe.each(storeCases)('one event per happening ($name)', ({ create }) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await create());
  }, 180_000);
  afterAll(() => cleanup());

  const events = async (siteId: string, type: string) =>
    store.sql.query<{ subject_id: string; data: string }>(
      `SELECT subject_id, data::text AS data FROM raaye_events
       WHERE site_id = $1 AND type = $2 ORDER BY seq`,
      [siteId, type],
    );

  // The worker is off: these tests count what the outbox holds, not what a receiver got.
  const setup = () => {
    const s = site({
      destinations: [
        {
          id: 'hook',
          kind: 'webhook',
          url: 'http://127.0.0.1:9/h',
          secret: SECRET,
          events: ['rating.low', 'followup.replied'],
        },
      ],
    });
    return { s, handler: collector(store, [s], { delivery: { enabled: false } }) };
  };

  it('followup.replied once: a retried legacy POST and the inbox reply after it', async () => {
    const { s, handler } = setup();
    await seedMember(store, s.id, 'ana@shop.example', 'agent');
    const low = rating({ score: 1 });
    await handler(postRequest(envelope([low], { siteKey: s.siteKey })));

    for (let i = 0; i < 2; i++) {
      const res = await handler(
        secretRequest(`/v1/follow-ups/${low.id}`, s.secretKey, { by: 'crm', note: 'called' }),
      );
      expect(res.status).toBe(200);
    }
    expect(await events(s.id, 'followup.replied')).toHaveLength(1);

    // The inbox sees the follow-up answered: it is not waiting for a reply any more.
    const agent = await signIn(handler, 'ana@shop.example');
    const { followUp } = (await (await agent.call(`/v1/inbox/${low.id}`)).json()) as {
      followUp: { status: string; firstReplyAt: string | null };
    };
    expect(followUp.status).toBe('replied');
    expect(followUp.firstReplyAt).not.toBeNull();

    // A second rating: answered in the inbox first, then marked by the legacy API.
    const other = rating({ score: 2 });
    await handler(postRequest(envelope([other], { siteKey: s.siteKey })));
    await agent.call('/v1/inbox'); // opens its follow-up
    const reply = await agent.call(`/v1/inbox/${other.id}`, {
      method: 'POST',
      body: { action: 'reply', message: 'Sorry, we refunded you.' },
    });
    expect(reply.status).toBe(200);
    await handler(secretRequest(`/v1/follow-ups/${other.id}`, s.secretKey, { by: 'crm' }));
    const replied = await events(s.id, 'followup.replied');
    expect(replied.map((e) => e.subject_id).sort()).toEqual([low.id, other.id].sort());
    await handler.close();
  });

  it('rating.low once when a link answer is revised from not low to low (and back and again)', async () => {
    const { s, handler } = setup();
    // The e-mail's 5-star link, opened by a rendering browser: stored, not low.
    const answer = await answerByLink(handler, s.secretKey, 'rider-1', 'ride-1', 5);
    const [stored] = await store.listRatings(s.id, {}, '0', 10);
    expect(stored).toMatchObject({ score: 5, low: false });
    expect(await events(s.id, 'rating.low')).toHaveLength(0);

    const revise = (score: number) => answer.revise(score, 'Rude driver');
    await revise(1);
    let low = await events(s.id, 'rating.low');
    expect(low).toHaveLength(1);
    expect(low[0]!.subject_id).toBe(stored!.id);
    // The alert carries the rating as revised.
    expect(JSON.parse(low[0]!.data).rating).toMatchObject({
      id: stored!.id,
      score: 1,
      low: true,
      comment: 'Rude driver',
    });
    await revise(4);
    await revise(2);
    low = await events(s.id, 'rating.low');
    expect(low).toHaveLength(1);
    await handler.close();
  });
});
