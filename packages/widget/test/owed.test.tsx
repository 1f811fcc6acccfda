import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchOwed } from '../src/owed';
import { type Mounted, mountWidget, testClient } from './_util/setup';

let m: Mounted | undefined;
afterEach(() => {
  m?.ctl.destroy();
  m = undefined;
  vi.unstubAllGlobals();
});

// The collector's answer to `GET /v1/owed?raterId=…` (see packages/collector/src/routes/owed.ts).
const answer = {
  owed: [
    {
      interactionId: 'ride_owed_1',
      interactionType: null,
      prompt: 'How was your ride with Sara?',
      scale: 'stars5',
      createdAt: '2026-11-23T17:13:12.717Z',
      expiresAt: '2099-11-30T17:13:12.717Z',
      // Bound to this interaction (the collector signs it); the rating for this prompt sends it.
      token: 'rt1.dV8x.cmlkZV9vd2VkXzE.4102444800.mac',
    },
  ],
};
const RATER_TOKEN = 'rt1.dV8x..4102444800.mac';

describe('prompts owed by the server', () => {
  it('asks the collector with the public key, the rater id and the rater token', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(answer)));
    vi.stubGlobal('fetch', fetch);
    const { client } = testClient();
    client.identify({ id: 'u_1', token: RATER_TOKEN });
    const prompts = await fetchOwed(client);
    // In a header, not the query: URLs end up in access logs.
    expect(fetch).toHaveBeenCalledWith('https://collector.test/v1/owed?raterId=u_1', {
      headers: { Authorization: 'Bearer pk_test', 'raaye-rater-token': RATER_TOKEN },
    });
    expect(prompts).toEqual([
      {
        interactionId: 'ride_owed_1',
        interactionType: undefined,
        title: 'How was your ride with Sara?',
        scale: 'stars5',
        expiresAt: '2099-11-30T17:13:12.717Z',
        token: answer.owed[0]!.token,
        required: true,
      },
    ]);
  });

  it('asks nothing without a rater token (the collector would answer 401)', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(answer)));
    vi.stubGlobal('fetch', fetch);
    const { client } = testClient();
    client.identify({ id: 'u_1' });
    expect(await fetchOwed(client)).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('the answer to an owed prompt carries its own token and the widget channel', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(answer)));
    const { client, sent } = testClient();
    m = mountWidget({}, client);
    // Signed in after start: identify asks the collector what this rater owes.
    m.ctl.identify({ id: 'u_3', token: RATER_TOKEN });
    const dialog = await m.ui.findByRole('dialog', { name: 'How was your ride with Sara?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    fireEvent.click(m.ui.getByRole('radio', { name: '5 stars' }));
    fireEvent.click(m.ui.getByRole('button', { name: 'Submit' }));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      interactionId: 'ride_owed_1',
      raterId: 'u_3',
      token: answer.owed[0]!.token,
      channel: 'widget',
    });
    // A prompt the page asks itself goes with the rater's token.
    void m.ctl.ask({ interactionId: 'ride_own' });
    fireEvent.click(await m.ui.findByRole('radio', { name: '4 stars' }));
    fireEvent.click(m.ui.getByRole('button', { name: 'Submit' }));
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toMatchObject({ token: RATER_TOKEN, channel: 'widget' });
  });

  it('a failing collector is reported, never thrown', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const { client } = testClient();
    client.identify({ id: 'u_1', token: RATER_TOKEN });
    m = mountWidget({ owed: fetchOwed }, client);
    const errors: string[] = [];
    m.ctl.on('error', (e) => errors.push(e.message));
    await vi.waitFor(() => expect(errors).toEqual(['Failed to fetch']));
  });

  it('a pending prompt answered on another device or channel is dropped, never re-asked', async () => {
    const { client } = testClient();
    client.identify({ id: 'u_2', token: RATER_TOKEN });
    await client.expect({ interactionId: 'ride_elsewhere', prompt: { title: 'Ride with Ali?' } });
    await client.expect({ interactionId: 'ride_still_owed', prompt: { title: 'Ride with Sara?' } });
    // The collector lists it as closed: rated by e-mail link (or cancelled, or expired).
    vi.stubGlobal(
      'fetch',
      async () => new Response(JSON.stringify({ owed: [], closed: ['ride_elsewhere'] })),
    );
    m = mountWidget({}, client);
    await m.ui.findByRole('dialog', { name: 'Ride with Sara?' });
    expect(m.ui.queryByRole('dialog', { name: 'Ride with Ali?' })).toBeNull();
    expect((await client.pending()).map((p) => p.interactionId)).toEqual(['ride_still_owed']);
  });

  it('prompts from an earlier page view are shown only while still pending', async () => {
    const { client } = testClient();
    for (const [id, title] of [
      ['ride_a', 'Ride A?'],
      ['ride_b', 'Ride B?'],
      ['ride_c', 'Ride C?'],
    ] as const) {
      await client.expect({ interactionId: id, prompt: { title, at: 0 } });
    }
    const fetch = vi.fn(async () => new Response(JSON.stringify({ owed: [], closed: ['ride_b'] })));
    vi.stubGlobal('fetch', fetch);
    // No token yet: the prompts held from the earlier visit come back as they are.
    m = mountWidget({}, client);
    await m.ui.findByRole('dialog', { name: 'Ride A?' });
    const skipped: string[] = [];
    m.ctl.on('skipped', (e) => skipped.push(`${e.interactionId}: ${e.reason}`));
    // Signed in while A is up: B was answered by e-mail meanwhile, so it is not asked after A.
    m.ctl.identify({ id: 'u_4', token: RATER_TOKEN });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    await vi.waitFor(async () =>
      expect((await client.pending()).map((p) => p.interactionId)).toEqual(['ride_a', 'ride_c']),
    );
    fireEvent.click(m.ui.getByRole('radio', { name: '5 stars' }));
    fireEvent.click(m.ui.getByRole('button', { name: 'Submit' }));
    await m.ui.findByRole('dialog', { name: 'Ride C?' });
    expect(skipped).toEqual(['ride_b: closed']);
  });
});
