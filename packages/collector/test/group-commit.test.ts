import { describe, expect, it } from 'vitest';
import { type GroupPart, groupCommit, IN_FLIGHT } from '../src/store/group-commit';
import type { NewRating } from '../src/store/types';

const r = (id: string, raterId = `rater-${id}`, interactionId = 'i'): NewRating =>
  ({ id, raterId, interactionId }) as NewRating;
const part = (...ratings: NewRating[]): GroupPart => ({ ratings, events: [] });

describe('groupCommit()', () => {
  it('merges concurrent requests into one statement and keeps at most IN_FLIGHT in flight per site', async () => {
    const calls: string[][] = [];
    let inFlight = 0;
    let most = 0;
    const release: Array<() => void> = [];
    const write = groupCommit(async (_site, p) => {
      most = Math.max(most, ++inFlight);
      calls.push(p.ratings.map((x) => x.id));
      await new Promise<void>((done) => release.push(done));
      inFlight--;
      return new Set(p.ratings.map((x) => x.id));
    });
    const turn = () => new Promise((done) => setImmediate(done));
    const first = Promise.all(['a', 'b', 'c'].map((id) => write('s', part(r(id)))));
    await turn();
    expect(calls).toEqual([['a', 'b', 'c']]);
    // While the first is in flight, the next turn's requests take the second slot, and what comes
    // after them waits for a free one, then goes in as one group.
    const second = Promise.all(['d', 'e'].map((id) => write('s', part(r(id)))));
    await turn();
    const third = Promise.all(['f', 'g', 'h'].map((id) => write('s', part(r(id)))));
    await turn();
    await turn();
    expect(calls).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    release.shift()!();
    expect((await first).map((ids) => [...ids])).toEqual([['a'], ['b'], ['c']]);
    await turn();
    expect(calls.at(-1)).toEqual(['f', 'g', 'h']);
    while (release.length > 0) release.shift()!();
    await second;
    while (release.length > 0) release.shift()!();
    await third;
    expect(most).toBe(IN_FLIGHT);
  });

  it('reports a rating an earlier request of the group claims as not inserted (duplicate)', async () => {
    const write = groupCommit(async (_site, p) => new Set(p.ratings.map((x) => x.id)));
    const [one, sameId, sameSlot] = await Promise.all([
      write('s', part(r('a', 'u', 'ride-1'))),
      write('s', part(r('a', 'u', 'ride-1'))),
      write('s', part(r('b', 'u', 'ride-1'), r('c'))),
    ]);
    expect([...one!]).toEqual(['a']);
    expect([...sameId!]).toEqual([]);
    expect([...sameSlot!]).toEqual(['c']);
  });

  it('retries each request alone when the group fails, so one bad request fails alone', async () => {
    const write = groupCommit(async (_site, p) => {
      if (p.ratings.some((x) => x.id === 'bad')) throw new Error('poison');
      return new Set(p.ratings.map((x) => x.id));
    });
    const results = await Promise.allSettled([
      write('s', part(r('a'))),
      write('s', part(r('bad'))),
      write('s', part(r('b'))),
    ]);
    expect(results.map((x) => x.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseFulfilledResult<Set<string>>).value).toEqual(new Set(['b']));
  });
});
