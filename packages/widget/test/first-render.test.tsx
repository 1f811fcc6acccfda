import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Mounted, mountWidget, testClient } from './_util/setup';

let m: Mounted | undefined;
afterEach(() => {
  m?.ctl.destroy();
  m = undefined;
  vi.restoreAllMocks();
});

describe('first render (issue 16)', () => {
  it('draws an optional prompt before storage answers, and withdraws it silently on no', async () => {
    const { client, namespace } = testClient();
    await client.rate({ interactionId: 'done-1', scale: 'stars5', score: 4 });
    m = mountWidget({}, testClient(namespace).client);
    const seen: string[] = [];
    m.ctl.on('shown', () => seen.push('shown'));
    m.ctl.on('skipped', (p) => seen.push(`skipped:${p.reason}`));
    const result = m.ctl.ask({ interactionId: 'done-1' });
    // Drawn at once, in the same task as ask(): no IndexedDB round trip first.
    expect(m.host.shadowRoot!.querySelector('[role=dialog]')).not.toBeNull();
    expect(await result).toEqual({ status: 'skipped', reason: 'already_rated' });
    await waitFor(() => expect(m!.host.shadowRoot!.querySelector('[role=dialog]')).toBeNull());
    expect(seen).toEqual(['skipped:already_rated']);
    expect(document.querySelector('[inert]')).toBeNull();
    client.destroy();
  });

  it('uses no Intl for the small integers of a Latin-digit locale', async () => {
    const nf = vi.spyOn(Intl, 'NumberFormat');
    const pr = vi.spyOn(Intl, 'PluralRules');
    m = mountWidget();
    void m.ctl.ask({ interactionId: 'intl-1', scale: 'nps' });
    await m.ui.findByRole('radio', { name: '10' });
    void m.ctl.ask({ interactionId: 'intl-2' });
    expect(nf).not.toHaveBeenCalled();
    expect(pr).not.toHaveBeenCalled();
  });
});
