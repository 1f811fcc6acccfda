import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxEvent } from '../src/inbox/events';
import { addBusinessTime, type BusinessHours } from '../src/sla/business-time';
import { collector, envelope, postRequest, rating, site } from './_util/fixtures';
import { type StoreHandle, storeCases } from './_util/stores';
import { seedMember, signIn } from './_util/team';

const KARACHI: BusinessHours = {
  timeZone: 'Asia/Karachi',
  days: {
    mon: '09:00-17:00',
    tue: '09:00-17:00',
    wed: '09:00-17:00',
    thu: '09:00-17:00',
    fri: '09:00-17:00',
  },
};
const H = 3600_000;
const t = (iso: string) => Date.parse(iso);

describe('addBusinessTime()', () => {
  it('counts only opening hours, across a weekend, in the site time zone', () => {
    // Friday 15:00 in Karachi (UTC+5): 2 h left that day, the other 2 h on Monday from 09:00.
    expect(new Date(addBusinessTime(t('2026-12-04T10:00:00Z'), 4 * H, KARACHI)).toISOString()).toBe(
      '2026-12-07T06:00:00.000Z',
    );
    // Saturday night: starts counting Monday 09:00.
    expect(new Date(addBusinessTime(t('2026-12-05T18:00:00Z'), 1 * H, KARACHI)).toISOString()).toBe(
      '2026-12-07T05:00:00.000Z',
    );
    // Exactly at closing: nothing left that day.
    expect(
      new Date(addBusinessTime(t('2026-12-03T12:00:00Z'), 30 * 60_000, KARACHI)).toISOString(),
    ).toBe('2026-12-04T04:30:00.000Z');
    // Without business hours: wall-clock.
    expect(addBusinessTime(t('2026-12-04T10:00:00Z'), 24 * H, null)).toBe(
      t('2026-12-05T10:00:00Z'),
    );
  });

  it('follows daylight saving time changes', () => {
    const ny: BusinessHours = {
      timeZone: 'America/New_York',
      days: { sat: '09:00-17:00', sun: '09:00-17:00' },
    };
    // Saturday 16:00 EST → 1 h Saturday, 1 h Sunday from 09:00 EDT (13:00Z): due 14:00Z.
    expect(new Date(addBusinessTime(t('2026-03-07T21:00:00Z'), 2 * H, ny)).toISOString()).toBe(
      '2026-03-08T14:00:00.000Z',
    );
    // And back in November: Sunday 09:00 EST is 14:00Z.
    expect(new Date(addBusinessTime(t('2026-10-31T20:30:00Z'), 1 * H, ny)).toISOString()).toBe(
      '2026-11-01T14:30:00.000Z',
    );
  });
});

describe.each(storeCases)('SLA alerts under a fake clock on $name', (storeCase) => {
  let handle: StoreHandle;
  // PGlite takes long to open on a loaded machine.
  beforeAll(async () => {
    handle = await storeCase.create();
  }, 180_000);
  afterAll(() => handle.cleanup());

  it('raises sla.breaching and sla.breached once each, at the business-time deadlines, to assignee and owners', async () => {
    let now = t('2026-12-04T10:00:00Z'); // Friday 15:00 in Karachi
    const s = site();
    const events: InboxEvent[] = [];
    const handler = collector(handle.store, [s], {
      now: () => now,
      inbox: { intervalMs: false, emit: async (_tx, _site, list) => void events.push(...list) },
    });
    await seedMember(handle.store, s.id, 'owner@shop.example', 'owner');
    await seedMember(handle.store, s.id, 'ana@shop.example', 'agent');
    const owner = await signIn(handler, 'owner@shop.example');
    await owner.call('/v1/inbox/settings', {
      method: 'PUT',
      body: { replyTargetHours: 4, breachingBeforeHours: 1, businessHours: KARACHI, digestHour: 8 },
    });
    const low = rating({ score: 1, createdAt: new Date(now - 1000).toISOString() });
    await handler(
      postRequest(envelope([low], { siteKey: s.siteKey, sentAt: new Date(now).toISOString() })),
    );
    await handler.tick();
    const slaEvents = () => events.filter((e) => e.type.startsWith('sla.'));
    expect(events.map((e) => e.type)).toEqual(['followup.assigned', 'inbox.digest']);

    const inbox = (await (await owner.call('/v1/inbox')).json()) as {
      items: Array<{ dueAt: string; warnAt: string }>;
    };
    expect(inbox.items[0]).toMatchObject({
      warnAt: '2026-12-07T05:00:00.000Z',
      dueAt: '2026-12-07T06:00:00.000Z',
    });

    for (const at of ['2026-12-04T12:00:00Z', '2026-12-06T23:00:00Z', '2026-12-07T04:59:59Z']) {
      now = t(at);
      await handler.tick();
    }
    expect(slaEvents()).toEqual([]);
    now = t('2026-12-07T05:00:00Z');
    await handler.tick();
    await handler.tick();
    expect(slaEvents().map((e) => e.type)).toEqual(['sla.breaching']);
    const recipients = slaEvents()[0]!
      .data.recipients!.map((r) => `${r.email}:${r.role}`)
      .sort();
    expect(recipients).toEqual(['ana@shop.example:agent', 'owner@shop.example:owner']);
    now = t('2026-12-07T05:59:00Z');
    await handler.tick();
    expect(slaEvents()).toHaveLength(1);
    now = t('2026-12-07T06:00:00Z');
    await handler.tick();
    await handler.tick();
    expect(slaEvents().map((e) => e.type)).toEqual(['sla.breaching', 'sla.breached']);

    // The daily digest: once a day, on the first pass after 08:00 Karachi time. Sunday 23:00Z
    // is Monday 04:00 there (too early); Monday 04:59Z is 09:59.
    const digests = events.filter((e) => e.type === 'inbox.digest').map((e) => e.data.day);
    expect(digests).toEqual(['2026-12-04', '2026-12-07']);
  });

  it('answers median and p90 time to first reply and the share within target', async () => {
    let now = t('2026-12-01T00:00:00Z');
    const s = site();
    const handler = collector(handle.store, [s], {
      now: () => now,
      inbox: { intervalMs: false, emit: async () => {} },
    });
    await seedMember(handle.store, s.id, 'owner@shop.example', 'owner');
    await seedMember(handle.store, s.id, 'ana@shop.example', 'agent');
    const agent = await signIn(handler, 'ana@shop.example');
    const lows = Array.from({ length: 10 }, () =>
      rating({ score: 1, createdAt: new Date(now - 1000).toISOString() }),
    );
    await handler(
      postRequest(envelope(lows, { siteKey: s.siteKey, sentAt: new Date(now).toISOString() })),
    );
    await handler.tick();
    // Replies after 1, 2, … 9 hours, and one after 30 h (past the 24 h target).
    for (const [i, hours] of [1, 2, 3, 4, 5, 6, 7, 8, 9, 30].entries()) {
      now = t('2026-12-01T00:00:00Z') + hours * H;
      const r = await agent.call(`/v1/inbox/${lows[i]!.id}`, {
        method: 'POST',
        body: { action: 'reply', message: 'sorry' },
      });
      expect(r.status).toBe(200);
    }
    const m = (await (await agent.call('/v1/inbox/metrics?from=2026-11-01')).json()) as {
      overall: {
        opened: number;
        replied: number;
        medianSeconds: number;
        p90Seconds: number;
        withinTarget: number;
      };
      byWeek: Array<{ week: string; opened: number }>;
      byAgent: Array<{ name: string; replied: number }>;
    };
    expect(m.overall).toMatchObject({
      opened: 10,
      replied: 10,
      medianSeconds: 5.5 * 3600,
      withinTarget: 0.9,
    });
    expect(m.overall.p90Seconds).toBe(Math.round((9 + 0.1 * 21) * 3600));
    expect(m.byWeek).toEqual([expect.objectContaining({ week: '2026-11-30', opened: 10 })]);
    expect(m.byAgent).toEqual([expect.objectContaining({ name: 'ana', replied: 10 })]);
  });
});
