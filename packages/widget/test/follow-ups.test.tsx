import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type Mounted, mountWidget } from './_util/setup';

let m: Mounted | undefined;
afterEach(() => {
  m?.ctl.destroy();
  m = undefined;
});

const tags = { low: ['Late', 'Rude driver', 'Dirty car'], high: ['Friendly', 'Clean car'] };

describe('follow-ups', () => {
  it('shows nothing but the scale before a score', async () => {
    m = mountWidget();
    void m.ctl.ask({ interactionId: 'r1', tags });
    await m.ui.findByRole('radio', { name: '1 star' });
    expect(m.ui.queryByRole('button', { name: 'Submit' })).toBeNull();
    expect(m.ui.queryByRole('textbox')).toBeNull();
  });

  it('asks "What went wrong?" with the low tags after a low score', async () => {
    m = mountWidget();
    const result = m.ctl.ask({ interactionId: 'r2', tags });
    fireEvent.click(await m.ui.findByRole('radio', { name: '2 stars' }));
    expect(m.ui.getByRole('group', { name: 'What went wrong?' })).toBeTruthy();
    expect(m.ui.queryByRole('group', { name: 'What went well?' })).toBeNull();
    fireEvent.click(m.ui.getByRole('checkbox', { name: 'Late' }));
    fireEvent.click(m.ui.getByRole('checkbox', { name: 'Dirty car' }));
    fireEvent.input(m.ui.getByRole('textbox', { name: 'Anything else? (optional)' }), {
      target: { value: '  Took 20 minutes  ' },
    });
    fireEvent.click(m.ui.getByRole('button', { name: 'Submit' }));
    const r = await result;
    expect(r.status === 'submitted' && r.rating).toMatchObject({
      score: 2,
      tags: ['Late', 'Dirty car'],
      comment: 'Took 20 minutes',
    });
  });

  it('asks "What went well?" with the high tags after a high score', async () => {
    m = mountWidget();
    void m.ctl.ask({ interactionId: 'r3', tags });
    fireEvent.click(await m.ui.findByRole('radio', { name: '5 stars' }));
    expect(m.ui.getByRole('group', { name: 'What went well?' })).toBeTruthy();
    expect(m.ui.getAllByRole('checkbox').map((c) => c.parentElement?.textContent)).toEqual([
      'Friendly',
      'Clean car',
    ]);
    // Changing the score switches the set.
    fireEvent.click(m.ui.getByRole('radio', { name: '1 star' }));
    expect(m.ui.getByRole('group', { name: 'What went wrong?' })).toBeTruthy();
  });

  it('omits the comment when the prompt says comment: false, and sends no empty fields', async () => {
    m = mountWidget();
    const result = m.ctl.ask({ interactionId: 'r4', comment: false, scale: 'thumbs' });
    fireEvent.click(await m.ui.findByRole('radio', { name: 'Thumbs up' }));
    expect(m.ui.queryByRole('textbox')).toBeNull();
    fireEvent.click(m.ui.getByRole('button', { name: 'Submit' }));
    const r = await result;
    expect(r.status === 'submitted' && r.rating.tags).toBeUndefined();
    expect(r.status === 'submitted' && r.rating.comment).toBeUndefined();
  });

  it('thanks in a live region, and says "saved, will be sent" when offline', async () => {
    m = mountWidget({ thanksMs: 60_000 });
    const online = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      const result = m.ctl.ask({ interactionId: 'r5' });
      fireEvent.click(await m.ui.findByRole('radio', { name: '4 stars' }));
      fireEvent.click(m.ui.getByRole('button', { name: 'Submit' }));
      const r = await result;
      expect(r.status === 'submitted' && r.queued).toBe(true);
      const status = await m.ui.findByRole('status');
      expect(status.textContent).toMatch(/saved and will be sent/);
      expect(status.textContent).not.toMatch(/\bsent!/);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
      if (online) Object.defineProperty(Navigator.prototype, 'onLine', online);
    }
  });

  it('online thank-you does not claim the rating was sent', async () => {
    m = mountWidget({ thanksMs: 60_000 });
    void m.ctl.ask({ interactionId: 'r6' });
    fireEvent.click(await m.ui.findByRole('radio', { name: '4 stars' }));
    fireEvent.click(m.ui.getByRole('button', { name: 'Submit' }));
    const status = await m.ui.findByText('Thank you for your feedback!');
    expect(status.getAttribute('role')).toBe('status');
  });
});
