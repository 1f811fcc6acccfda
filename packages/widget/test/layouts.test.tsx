import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type Mounted, mountWidget } from './_util/setup';

let m: Mounted | undefined;
afterEach(() => {
  m?.ctl.destroy();
  m = undefined;
});

describe('layouts', () => {
  it('sheet: a non-modal dialog at the bottom that leaves the page usable', async () => {
    const page = document.createElement('main');
    document.body.append(page);
    m = mountWidget({ layout: 'sheet' });
    void m.ctl.ask({ interactionId: 's1' });
    const dialog = await m.ui.findByRole('dialog');
    expect(dialog.classList.contains('sheet')).toBe(true);
    expect(dialog.hasAttribute('aria-modal')).toBe(false);
    expect(page.hasAttribute('inert')).toBe(false);
    page.remove();
  });

  it('a required sheet is modal', async () => {
    m = mountWidget({ layout: 'sheet' });
    void m.ctl.ask({ interactionId: 's2', required: true });
    const dialog = await m.ui.findByRole('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
  });

  it('a required prompt in an inline mount floats over the page instead', async () => {
    const target = document.createElement('section');
    document.body.append(target);
    m = mountWidget({ target });
    void m.ctl.ask({ interactionId: 's3', required: true });
    await m.ui.findByRole('dialog');
    expect(m.host.parentElement).toBe(document.body);
    await waitFor(() => expect(target.hasAttribute('inert')).toBe(true));
    m.ctl.destroy();
    m = undefined;
    expect(target.hasAttribute('inert')).toBe(false);
    target.remove();
  });

  it('lifts the sheet above the on-screen keyboard (visualViewport)', () => {
    // happy-dom has no visualViewport: a stand-in with the two fields the widget reads.
    const vv = Object.assign(new EventTarget(), { height: window.innerHeight, offsetTop: 0 });
    Object.defineProperty(window, 'visualViewport', { configurable: true, value: vv });
    try {
      m = mountWidget({ layout: 'sheet' });
      vv.height = window.innerHeight - 300;
      vv.dispatchEvent(new Event('resize'));
      expect(m.host.style.getPropertyValue('--raaye-kb')).toBe('300px');
    } finally {
      delete (window as { visualViewport?: unknown }).visualViewport;
    }
  });
});
