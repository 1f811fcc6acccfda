import { startSmtp } from '@raaye/test-utils/smtp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collector, envelope, postRequest, rating, site } from './_util/fixtures';
import { type StoreHandle, storeCases } from './_util/stores';
import { seedMember, signIn } from './_util/team';

describe.each(storeCases)('team inbox e-mail through the outbox on $name', (storeCase) => {
  let handle: StoreHandle;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    [handle, smtp] = await Promise.all([storeCase.create(), startSmtp()]);
  }, 180_000);
  afterAll(async () => {
    await smtp.close();
    await handle.cleanup();
  });

  it('mails the assignee, the SLA alerts to assignee and owners, and the reply to the customer in Urdu', async () => {
    let now = Date.now();
    const s = site();
    const handler = collector(handle.store, [s], {
      now: () => now,
      mail: { smtp: smtp.url, from: 'raaye@shop.example' },
      delivery: { pollMs: 50, baseDelayMs: 50 },
      inbox: { intervalMs: false },
    });
    await seedMember(handle.store, s.id, 'owner@shop.example', 'owner');
    await seedMember(handle.store, s.id, 'ali@shop.example', 'agent');
    // No daily digest in this test: it would add a mail to the counts.
    const owner = await signIn(handler, 'owner@shop.example');
    await owner.call('/v1/inbox/settings', { method: 'PUT', body: { digestHour: null } });
    const low = rating({
      score: 1,
      locale: 'ur-PK',
      raterId: 'rider-7',
      comment: 'دیر ہو گئی',
      user: { id: 'rider-7', traits: { email: 'rider7@example.com' } },
      createdAt: new Date(now - 1000).toISOString(),
    });
    await handler(
      postRequest(envelope([low], { siteKey: s.siteKey, sentAt: new Date(now).toISOString() })),
    );
    await handler.tick();
    // Delivery is at least once (the fake clock can outrun a lease): count distinct events, which
    // are the Message-IDs.
    const mailTo = (address: string) => {
      const byId = new Map(
        smtp.mails
          .filter((m) => m.to.includes(address))
          .map((m) => [/^Message-ID: (.*)$/im.exec(m.raw)?.[1], m] as const),
      );
      return [...byId.values()];
    };
    await expect.poll(() => mailTo('ali@shop.example').length, { timeout: 20_000 }).toBe(1);

    // 22 h later the reply is due within 2 h: the assignee and the owner are warned.
    now += 22 * 3_600_000 + 1000;
    await handler.tick();
    await expect
      .poll(() => mailTo('owner@shop.example').length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(1);
    expect(mailTo('ali@shop.example').length).toBe(2);
    expect(mailTo('owner@shop.example').length).toBe(1);

    const agent = await signIn(handler, 'ali@shop.example');
    const reply = await agent.call(`/v1/inbox/${low.id}`, {
      method: 'POST',
      body: { action: 'reply', message: 'معذرت، کرایہ واپس کر دیا گیا ہے۔' },
    });
    expect(reply.status).toBe(200);
    await expect.poll(() => mailTo('rider7@example.com').length, { timeout: 20_000 }).toBe(1);
    const mail = mailTo('rider7@example.com')[0]!;
    expect(mail.raw).toMatch(/^Content-Language: ur\r?$/m);
    expect(mail.decoded).toContain('<html lang="ur" dir="rtl">');
    expect(mail.decoded).toContain('معذرت، کرایہ واپس کر دیا گیا ہے۔');
    expect(mail.decoded).toContain('آپ کی درجہ بندی کا شکریہ');
    await handler.close();
  });
});
