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
      expiresAt: '2026-11-30T17:13:12.717Z',
    },
  ],
};

describe('prompts owed by the server', () => {
  it('asks the collector with the public key and the rater id', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(answer)));
    vi.stubGlobal('fetch', fetch);
    const { client } = testClient();
    client.identify({ id: 'u_1' });
    const prompts = await fetchOwed(client);
    expect(fetch).toHaveBeenCalledWith('https://collector.test/v1/owed?raterId=u_1', {
      headers: { Authorization: 'Bearer pk_test' },
    });
    expect(prompts).toEqual([
      {
        interactionId: 'ride_owed_1',
        interactionType: undefined,
        title: 'How was your ride with Sara?',
        scale: 'stars5',
        expiresAt: '2026-11-30T17:13:12.717Z',
        required: true,
      },
    ]);
  });

  it('shows an owed prompt on start when `owed: fetchOwed` is passed', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(answer)));
    m = mountWidget({ owed: fetchOwed });
    const dialog = await m.ui.findByRole('dialog', { name: 'How was your ride with Sara?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    fireEvent.click(m.ui.getByRole('radio', { name: '5 stars' }));
  });

  it('a failing collector is reported, never thrown', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    m = mountWidget({ owed: fetchOwed });
    const errors: string[] = [];
    m.ctl.on('error', (e) => errors.push(e.message));
    await vi.waitFor(() => expect(errors).toEqual(['Failed to fetch']));
  });

  it('a pending prompt answered on another device or channel is dropped, never re-asked', async () => {
    const { client } = testClient();
    client.identify({ id: 'u_2' });
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
});
