import { describe, expect, it } from 'vitest';
import { advance, installCollector, makeClient, stars, useFakeClock } from './_util/harness';

const HOUR = 3_600_000;

describe('shouldAsk()', () => {
  it('says ok by default, and already_rated after a rating', async () => {
    installCollector().setMode({ kind: 'offline' });
    const client = makeClient({ storage: 'memory' });
    expect(await client.shouldAsk('a')).toEqual({ ask: true, reason: 'ok' });
    await client.rate(stars('a'));
    expect(await client.shouldAsk('a')).toEqual({ ask: false, reason: 'already_rated' });
  });

  it('enforces a cooldown between prompts', async () => {
    useFakeClock();
    const client = makeClient({ storage: 'memory', recontact: { cooldownMs: HOUR } });
    await client.noteAsked('a');
    expect(await client.shouldAsk('b')).toEqual({ ask: false, reason: 'cooldown' });
    await advance(HOUR + 1, HOUR);
    expect(await client.shouldAsk('b')).toEqual({ ask: true, reason: 'ok' });
  });

  it('enforces max prompts per period', async () => {
    useFakeClock();
    const client = makeClient({
      storage: 'memory',
      recontact: { maxPrompts: 2, periodMs: 24 * HOUR },
    });
    await client.noteAsked('a');
    await client.noteAsked('b');
    expect(await client.shouldAsk('c')).toEqual({ ask: false, reason: 'max_prompts' });
    await advance(24 * HOUR + 1, HOUR);
    expect(await client.shouldAsk('c')).toEqual({ ask: true, reason: 'ok' });
  });

  it('samples deterministically per rater and interaction, near the configured rate', async () => {
    const client = makeClient({
      storage: 'memory',
      user: { id: 'rater-1' },
      recontact: { sampleRate: 0.3 },
    });
    const decisions = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => client.shouldAsk(`i-${i}`)),
    );
    const asked = decisions.filter((d) => d.ask).length;
    expect(asked).toBeGreaterThan(240);
    expect(asked).toBeLessThan(360);
    expect(decisions.filter((d) => !d.ask).every((d) => d.reason === 'sampled_out')).toBe(true);
    expect(await client.shouldAsk('i-1')).toEqual(decisions[1]);
  });

  it('asks for a pending prompt even inside a cooldown', async () => {
    const client = makeClient({
      storage: 'memory',
      recontact: { cooldownMs: HOUR, sampleRate: 0 },
    });
    await client.noteAsked('x');
    await client.expect({ interactionId: 'owed' });
    expect(await client.shouldAsk('owed')).toEqual({ ask: true, reason: 'pending' });
  });

  it('validates its argument', async () => {
    const client = makeClient({ storage: 'memory' });
    await expect(client.shouldAsk('' as string)).rejects.toMatchObject({ path: 'interactionId' });
  });
});
