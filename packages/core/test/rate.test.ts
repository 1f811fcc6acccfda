import { createStore, entries } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { isRaayeError } from '../src/errors/RaayeError';
import { installCollector, makeClient, settle, stars } from './_util/harness';

const queueInIndexedDb = async () =>
  (await entries<string, { rating: { id: string } }>(createStore('raaye-v1', 'kv'))).filter(
    ([key]) => key.startsWith('q:'),
  );

describe('rate()', () => {
  it('resolves once the rating is durable in IndexedDB, before it is sent', async () => {
    const collector = installCollector();
    collector.setMode({ kind: 'offline' });
    const client = makeClient();
    const rating = await client.rate({
      ...stars('ride-1', 4),
      tags: ['clean car'],
      comment: 'Great',
    });
    const queued = await queueInIndexedDb();
    expect(queued.map(([, r]) => r.rating.id)).toEqual([rating.id]);
    expect(collector.stored.size).toBe(0);
    client.destroy();
  });

  it('assigns a UUIDv7 id, createdAt, source and a persistent anonymous raterId', async () => {
    installCollector().setMode({ kind: 'offline' });
    const first = makeClient();
    const a = await first.rate(stars('ride-1'));
    first.destroy();
    const second = makeClient();
    const b = await second.rate(stars('ride-2'));
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.id < b.id).toBe(true);
    expect(Date.parse(a.createdAt)).not.toBeNaN();
    expect(a.source).toBe('web');
    expect(a.raterId).toMatch(/^anon_/);
    expect(b.raterId).toBe(a.raterId);
    second.destroy();
  });

  it('uses the site user id as raterId, and identify() changes it', async () => {
    installCollector().setMode({ kind: 'offline' });
    const client = makeClient({ user: { id: 'user-7', traits: { plan: 'gold' } } });
    expect((await client.rate(stars('ride-1'))).raterId).toBe('user-7');
    client.identify({ id: 'user-8' });
    const rating = await client.rate(stars('ride-2'));
    expect(rating.raterId).toBe('user-8');
    expect(rating.user).toEqual({ id: 'user-8' });
    // A verified rater: the token goes with each rating, never inside `user`.
    client.identify({ id: 'user-9', token: 'rt1.dXNlci05..1.mac' });
    const signed = await client.rate(stars('ride-3'));
    expect(signed.token).toBe('rt1.dXNlci05..1.mac');
    expect(signed.user).toEqual({ id: 'user-9' });
    client.destroy();
  });

  it('carries the rater token: from options or identify(), per rating first, never in user', async () => {
    installCollector().setMode({ kind: 'offline' });
    const client = makeClient({ user: { id: 'user-1', token: 'rt1.page' } });
    expect(client.raterToken()).toBe('rt1.page');
    const first = await client.rate(stars('ride-1'));
    expect(first).toMatchObject({ raterId: 'user-1', token: 'rt1.page', user: { id: 'user-1' } });
    expect(first.user).not.toHaveProperty('token');
    // An owed prompt's token, bound to its interaction, wins over the page's.
    const owed = await client.rate({ ...stars('ride-2'), token: 'rt1.ride-2' });
    expect(owed.token).toBe('rt1.ride-2');
    client.identify(null);
    expect(client.raterToken()).toBeUndefined();
    expect(await client.rate(stars('ride-3'))).not.toHaveProperty('token');
    expect(() => client.identify({ id: 'user-2', token: '' })).toThrow(/token/);
    expect(() => client.identify({ id: 'user-2', token: 'x'.repeat(1025) })).toThrow(/token/);
    expect(() => makeClient({ user: { id: 'u', token: 42 as never } })).toThrow(/token/);
    client.destroy();
  });

  it("records the channel: 'api' for the site's own rate() call unless told", async () => {
    installCollector().setMode({ kind: 'offline' });
    const client = makeClient({ storage: 'memory' });
    expect((await client.rate(stars('ride-1'))).channel).toBe('api');
    expect((await client.rate({ ...stars('ride-2'), channel: 'widget' })).channel).toBe('widget');
    client.destroy();
  });

  it.each([
    [{ interactionId: '', scale: 'stars5', score: 3 }, 'interactionId'],
    [{ interactionId: 'x'.repeat(129), scale: 'stars5', score: 3 }, 'interactionId'],
    [{ interactionId: 'a', scale: 'stars10', score: 3 }, 'scale'],
    [{ interactionId: 'a', scale: 'stars5', score: 6 }, 'score'],
    [{ interactionId: 'a', scale: 'nps', score: 3.5 }, 'score'],
    [{ interactionId: 'a', scale: 'thumbs', score: 2 }, 'score'],
    [{ interactionId: 'a', scale: 'ces7', score: 0 }, 'score'],
    [{ interactionId: 'a', scale: 'stars5', score: 3, tags: 'bad' }, 'tags'],
    [{ interactionId: 'a', scale: 'stars5', score: 3, tags: Array(11).fill('t') }, 'tags'],
    [{ interactionId: 'a', scale: 'stars5', score: 3, tags: ['x'.repeat(65)] }, 'tags[0]'],
    [{ interactionId: 'a', scale: 'stars5', score: 3, comment: 'x'.repeat(2001) }, 'comment'],
    [{ interactionId: 'a', scale: 'stars5', score: 3, meta: { big: 'x'.repeat(5000) } }, 'meta'],
    [{ interactionId: 'a', scale: 'stars5', score: 3, meta: [1] }, 'meta'],
    [{ interactionId: 'a', interactionType: '', scale: 'stars5', score: 3 }, 'interactionType'],
    [null, 'input'],
  ])('rejects %j with a RaayeError naming %s', async (input, path) => {
    const client = makeClient({ storage: 'memory' });
    const error = await client.rate(input as never).catch((e: unknown) => e);
    expect(isRaayeError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid_rating', path });
    expect((error as Error).message).toContain(path);
    expect(await client.queued()).toEqual([]);
    client.destroy();
  });

  it('accepts emoji (paired surrogates), Urdu text, regional locales and nested meta', async () => {
    installCollector().setMode({ kind: 'offline' });
    const client = makeClient({ storage: 'memory' });
    const rating = await client.rate({
      ...stars('ok'),
      comment: 'بہت اچھا ڈرائیور 👍🏽',
      tags: ['😀'],
      locale: 'ur-PK',
      meta: { trip: { city: 'Lahore', legs: [1, 2] }, note: 'a "constructor": b' },
    });
    expect(rating.comment).toBe('بہت اچھا ڈرائیور 👍🏽');
  });

  it('accepts every scale at both ends of its range', async () => {
    installCollector().setMode({ kind: 'offline' });
    const client = makeClient({ storage: 'memory' });
    const ends = {
      stars5: [1, 5],
      faces5: [1, 5],
      thumbs: [0, 1],
      nps: [0, 10],
      csat5: [1, 5],
      ces7: [1, 7],
    };
    for (const [scale, [low, high]] of Object.entries(ends)) {
      await client.rate({ interactionId: `${scale}-low`, scale: scale as never, score: low! });
      await client.rate({ interactionId: `${scale}-high`, scale: scale as never, score: high! });
    }
    expect(await client.queued()).toHaveLength(12);
    client.destroy();
  });

  it('refuses a second rating of the same interaction by the same rater', async () => {
    installCollector().setMode({ kind: 'offline' });
    const client = makeClient();
    await client.rate(stars('ride-1'));
    await expect(client.rate(stars('ride-1', 1))).rejects.toMatchObject({ code: 'already_rated' });
    expect(await client.queued()).toHaveLength(1);
    client.destroy();
  });

  it('emits queued and schedules a send', async () => {
    const collector = installCollector();
    const client = makeClient();
    const queued: string[] = [];
    client.on('queued', ({ rating }) => queued.push(rating.id));
    const sent = new Promise((resolve) => client.on('sent', resolve));
    const rating = await client.rate(stars('ride-1'));
    expect(queued).toEqual([rating.id]);
    expect(await sent).toEqual({ id: rating.id, status: 'accepted' });
    await settle();
    expect(await client.queued()).toEqual([]);
    expect(collector.stored.has(rating.id)).toBe(true);
    client.destroy();
  });

  it('rejects use after destroy()', async () => {
    const client = makeClient({ storage: 'memory' });
    client.destroy();
    await expect(client.rate(stars('a'))).rejects.toMatchObject({ code: 'destroyed' });
  });
});
