import { describe, expect, it } from 'vitest';
import { advance, installCollector, makeClient, stars, useFakeClock } from './_util/harness';

describe('pending prompts', () => {
  it('expect() persists a prompt that survives a reload until it is rated', async () => {
    installCollector().setMode({ kind: 'offline' });
    const first = makeClient();
    await first.expect({
      interactionId: 'ride-9',
      prompt: { title: 'How was your ride with Ali?', required: true },
    });
    first.destroy();
    const second = makeClient();
    const [pending] = await second.pending();
    expect(pending).toMatchObject({
      interactionId: 'ride-9',
      prompt: { title: 'How was your ride with Ali?' },
    });
    expect(await second.shouldAsk('ride-9')).toEqual({ ask: true, reason: 'pending' });
    await second.rate(stars('ride-9'));
    expect(await second.pending()).toEqual([]);
    second.destroy();
    expect(await makeClient().pending()).toEqual([]);
  });

  it('forgets expired prompts', async () => {
    useFakeClock();
    installCollector().setMode({ kind: 'offline' });
    const client = makeClient({ storage: 'memory' });
    await client.expect({ interactionId: 'a', expiresAt: Date.now() + 1000 });
    await client.expect({ interactionId: 'b' });
    await advance(2000, 1000);
    expect((await client.pending()).map((p) => p.interactionId)).toEqual(['b']);
  });

  it('resolve() refuses an interaction id that is not one', async () => {
    const client = makeClient({ storage: 'memory' });
    await expect(client.resolve(42 as never)).rejects.toMatchObject({ path: 'interactionId' });
  });

  it('resolve() removes a prompt', async () => {
    const client = makeClient({ storage: 'memory' });
    await client.expect({ interactionId: 'a' });
    await client.resolve('a');
    expect(await client.pending()).toEqual([]);
  });

  it('lists prompts oldest first', async () => {
    useFakeClock();
    const client = makeClient({ storage: 'memory' });
    await client.expect({ interactionId: 'second-made-first' });
    await advance(10, 10);
    await client.expect({ interactionId: 'a-later' });
    expect((await client.pending()).map((p) => p.interactionId)).toEqual([
      'second-made-first',
      'a-later',
    ]);
  });

  it.each([
    [{ interactionId: '' }, 'interactionId'],
    [{ interactionId: 'a', expiresAt: 'yesterday' }, 'expiresAt'],
    [{ interactionId: 'a', expiresAt: Date.now() - 1 }, 'expiresAt'],
    [{ interactionId: 'a', prompt: { big: 'x'.repeat(9000) } }, 'prompt'],
    [{ interactionId: 'a', prompt: 'title' }, 'prompt'],
  ])('rejects %j naming %s', async (input, path) => {
    const client = makeClient({ storage: 'memory' });
    await expect(client.expect(input as never)).rejects.toMatchObject({ path });
  });

  it('refuses to expect an interaction that is already rated', async () => {
    installCollector().setMode({ kind: 'offline' });
    const client = makeClient({ storage: 'memory' });
    await client.rate(stars('a'));
    await expect(client.expect({ interactionId: 'a' })).rejects.toMatchObject({
      code: 'already_rated',
    });
    expect(await client.pending()).toEqual([]);
  });
});
