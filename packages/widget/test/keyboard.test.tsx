import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type Mounted, mountWidget } from './_util/setup';

let m: Mounted | undefined;
afterEach(() => {
  m?.ctl.destroy();
  m = undefined;
});

const active = (mm: Mounted) => mm.host.shadowRoot!.activeElement as HTMLElement | null;

describe('keyboard only', () => {
  it('focuses the scale on open, moves with arrows, submits with Enter', async () => {
    m = mountWidget();
    const result = m.ctl.ask({ interactionId: 'kb1', tags: { high: ['Friendly'] } });
    const first = await m.ui.findByRole('radio', { name: '1 star' });
    // Focus moves in after the first frame (no forced layout before it).
    await waitFor(() => expect(active(m!)).toBe(first));
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    fireEvent.keyDown(active(m)!, { key: 'ArrowRight' });
    fireEvent.keyDown(active(m)!, { key: 'ArrowRight' });
    fireEvent.keyDown(active(m)!, { key: 'ArrowRight' });
    expect(active(m)).toBe(m.ui.getByRole('radio', { name: '5 stars' }));
    expect((active(m) as HTMLInputElement).checked).toBe(true);
    // Wraps around, both ways.
    fireEvent.keyDown(active(m)!, { key: 'ArrowRight' });
    expect(active(m)).toBe(first);
    fireEvent.keyDown(active(m)!, { key: 'ArrowLeft' });
    expect((m.ui.getByRole('radio', { name: '5 stars' }) as HTMLInputElement).checked).toBe(true);
    // Tab to the chip, toggle with Space (a native checkbox), then the form submits.
    const chip = m.ui.getByRole('checkbox', { name: 'Friendly' });
    chip.focus();
    fireEvent.click(chip);
    const form = m.ui.getByRole('button', { name: 'Submit' }).closest('form')!;
    fireEvent.submit(form);
    const r = await result;
    expect(r.status === 'submitted' && r.rating).toMatchObject({ score: 5, tags: ['Friendly'] });
  });

  it('ArrowLeft goes back, ArrowUp/Down work too', async () => {
    m = mountWidget();
    void m.ctl.ask({ interactionId: 'kb2', scale: 'nps' });
    const zero = await m.ui.findByRole('radio', { name: '0' });
    fireEvent.keyDown(zero, { key: 'ArrowLeft' });
    expect(active(m)).toBe(m.ui.getByRole('radio', { name: '10' }));
    fireEvent.keyDown(active(m)!, { key: 'ArrowUp' });
    expect(active(m)).toBe(m.ui.getByRole('radio', { name: '9' }));
    fireEvent.keyDown(active(m)!, { key: 'ArrowDown' });
    expect(active(m)).toBe(m.ui.getByRole('radio', { name: '10' }));
  });

  it('every control is a native, focusable element', async () => {
    m = mountWidget();
    void m.ctl.ask({ interactionId: 'kb3', tags: { low: ['Late'] } });
    fireEvent.click(await m.ui.findByRole('radio', { name: '1 star' }));
    for (const el of [
      ...m.ui.getAllByRole('radio'),
      m.ui.getByRole('checkbox'),
      m.ui.getByRole('textbox'),
      m.ui.getByRole('button', { name: 'Submit' }),
      m.ui.getByRole('button', { name: 'Close' }),
    ]) {
      expect(['INPUT', 'TEXTAREA', 'BUTTON']).toContain(el.tagName);
      expect(el.getAttribute('tabindex')).toBeNull();
    }
  });
});
