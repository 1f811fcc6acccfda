import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mount } from '../src/mount';
import { type Mounted, mountWidget, testClient } from './_util/setup';

let m: Mounted | undefined;
let page: HTMLElement;
beforeEach(() => {
  page = document.createElement('main');
  page.innerHTML = '<button id="outside">Outside</button>';
  document.body.append(page);
});
afterEach(() => {
  m?.ctl.destroy();
  m = undefined;
  page.remove();
});

describe('required: true', () => {
  it('is a labelled modal dialog without a close button, and the page is inert', async () => {
    m = mountWidget();
    void m.ctl.ask({ interactionId: 'ride_9', required: true, title: 'Rate your ride' });
    const dialog = await m.ui.findByRole('dialog', { name: 'Rate your ride' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(m.ui.queryByRole('button', { name: 'Close' })).toBeNull();
    // Inert only once the prompt is verified on screen, after its first frame.
    await waitFor(() => expect(page.hasAttribute('inert')).toBe(true));
    expect(m.host.hasAttribute('inert')).toBe(false);
  });

  it('ignores Escape and outside clicks', async () => {
    m = mountWidget();
    let settled = false;
    void m.ctl.ask({ interactionId: 'ride_10', required: true }).then(() => {
      settled = true;
    });
    const dialog = await m.ui.findByRole('dialog');
    fireEvent.keyDown(m.ui.getAllByRole('radio')[0]!, { key: 'Escape' });
    fireEvent.click(dialog.parentElement!);
    await new Promise((r) => setTimeout(r, 20));
    expect(m.ui.getByRole('dialog')).toBeTruthy();
    expect(settled).toBe(false);
  });

  it('traps Tab inside the dialog', async () => {
    m = mountWidget();
    void m.ctl.ask({ interactionId: 'ride_11', required: true });
    const first = await m.ui.findByRole('radio', { name: '1 star' });
    fireEvent.click(m.ui.getByRole('radio', { name: '5 stars' }));
    const submit = m.ui.getByRole('button', { name: 'Submit' });
    submit.focus();
    fireEvent.keyDown(submit, { key: 'Tab' });
    const shadow = m.host.shadowRoot!;
    expect(shadow.activeElement).toBe(m.ui.getByRole('radio', { name: '5 stars' }));
    fireEvent.keyDown(shadow.activeElement!, { key: 'Tab', shiftKey: true });
    expect(shadow.activeElement).toBe(submit);
    expect(first).toBeTruthy();
  });

  it('after the score, follow-ups can be skipped; answering restores the page', async () => {
    m = mountWidget();
    const result = m.ctl.ask({ interactionId: 'ride_12', required: true, tags: { low: ['Late'] } });
    fireEvent.click(await m.ui.findByRole('radio', { name: '1 star' }));
    fireEvent.click(m.ui.getByRole('button', { name: 'Submit' }));
    expect((await result).status).toBe('submitted');
    await waitFor(() => expect(page.hasAttribute('inert')).toBe(false));
  });

  it('comes back after a reload until answered', async () => {
    const { client, namespace } = testClient();
    m = mountWidget({}, client);
    void m.ctl.ask({
      interactionId: 'ride_13',
      required: true,
      title: 'How was your ride with Ali?',
    });
    await m.ui.findByRole('dialog');
    // The page closes without an answer.
    m.ctl.destroy();
    expect(document.querySelector('[data-raaye]')).toBeNull();

    // Next page view: a fresh widget over the same storage.
    m = mountWidget({}, testClient(namespace).client);
    const dialog = await m.ui.findByRole('dialog', { name: 'How was your ride with Ali?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    fireEvent.click(m.ui.getByRole('radio', { name: '5 stars' }));
    fireEvent.click(m.ui.getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(m!.ui.queryByRole('dialog')).toBeNull());
    m.ctl.destroy();

    // Answered: a third page view shows nothing.
    const third = testClient(namespace).client;
    expect(await third.pending()).toEqual([]);
    m = mountWidget({}, third);
    await new Promise((r) => setTimeout(r, 30));
    expect(m.ui.queryByRole('dialog')).toBeNull();
  });

  it('resumePending: false leaves owed prompts alone', async () => {
    const { client, namespace } = testClient();
    await client.expect({ interactionId: 'x', prompt: { title: 'T' } });
    const ctl = mount({ client: testClient(namespace).client, resumePending: false });
    await new Promise((r) => setTimeout(r, 30));
    expect(
      document.querySelector('[data-raaye]')!.shadowRoot!.querySelector('[role=dialog]'),
    ).toBeNull();
    ctl.destroy();
  });
});

describe('without required', () => {
  it('has a close button; Escape and outside click dismiss', async () => {
    m = mountWidget();
    const a = m.ctl.ask({ interactionId: 'n1' });
    fireEvent.click(await m.ui.findByRole('button', { name: 'Close' }));
    expect(await a).toEqual({ status: 'dismissed', reason: 'close' });

    const b = m.ctl.ask({ interactionId: 'n2' });
    fireEvent.keyDown(await m.ui.findByRole('radio', { name: '1 star' }), { key: 'Escape' });
    expect(await b).toEqual({ status: 'dismissed', reason: 'escape' });

    const c = m.ctl.ask({ interactionId: 'n3' });
    const dialog = await m.ui.findByRole('dialog');
    fireEvent.click(dialog.parentElement!);
    expect(await c).toEqual({ status: 'dismissed', reason: 'outside' });
  });

  it('lets the recontact rules decide and records the prompt', async () => {
    const { client, namespace } = testClient();
    const rules = createRulesClient(namespace);
    m = mountWidget({}, rules);
    // `shown` once storage has decided (the prompt may be drawn before), as a person would see it.
    const shown = new Promise((r) => m!.ctl.on('shown', r));
    const first = m.ctl.ask({ interactionId: 'k1' });
    await shown;
    fireEvent.click(await m.ui.findByRole('button', { name: 'Close' }));
    await first;
    // Cooldown: the next prompt is skipped, with the reason.
    expect(await m.ctl.ask({ interactionId: 'k2' })).toEqual({
      status: 'skipped',
      reason: 'cooldown',
    });
    client.destroy();
  });

  it('shows queued prompts one at a time, and the same interaction only once', async () => {
    m = mountWidget();
    const a = m.ctl.ask({ interactionId: 'q1', title: 'First' });
    const b = m.ctl.ask({ interactionId: 'q2', title: 'Second' });
    expect(m.ctl.ask({ interactionId: 'q1', title: 'First again' })).toBe(a);
    await m.ui.findByRole('dialog', { name: 'First' });
    expect(m.ui.getAllByRole('dialog')).toHaveLength(1);
    fireEvent.click(m.ui.getByRole('button', { name: 'Close' }));
    await a;
    await m.ui.findByRole('dialog', { name: 'Second' });
    m.ctl.destroy();
    expect(await b).toEqual({ status: 'dismissed', reason: 'destroyed' });
  });
});

import { createClient } from '@raaye/core';

function createRulesClient(namespace: string) {
  return createClient({
    siteKey: 'pk_test',
    endpoint: 'https://collector.test',
    storage: 'indexeddb',
    namespace: `${namespace}r`,
    locks: null,
    recontact: { cooldownMs: 60_000 },
    transport: async () => ({ status: 200 }),
  });
}
