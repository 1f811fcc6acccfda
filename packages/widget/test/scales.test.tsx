import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type Mounted, mountWidget } from './_util/setup';

let m: Mounted | undefined;
afterEach(() => {
  m?.ctl.destroy();
  m = undefined;
});

describe('scales', () => {
  it('stars5: five named radios in a group labelled by the title', async () => {
    m = mountWidget();
    void m.ctl.ask({ interactionId: 'ride_1', title: 'How was your ride with Ali?' });
    const group = await m.ui.findByRole('group', { name: 'How was your ride with Ali?' });
    expect(group.tagName).toBe('FIELDSET');
    const radios = m.ui.getAllByRole('radio');
    expect(radios).toHaveLength(5);
    expect(m.ui.getByRole('radio', { name: '1 star' })).toBeTruthy();
    expect(m.ui.getByRole('radio', { name: '4 stars' })).toBeTruthy();
    expect(m.ui.getByRole('dialog', { name: 'How was your ride with Ali?' })).toBeTruthy();
  });

  it('faces5 and thumbs use words for names, not emoji', async () => {
    m = mountWidget();
    void m.ctl.ask({ interactionId: 'a', scale: 'faces5' });
    await m.ui.findByRole('radio', { name: 'Very good' });
    expect(m.ui.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual([
      'Very bad',
      'Bad',
      'Okay',
      'Good',
      'Very good',
    ]);
    m.ctl.destroy();
    m = mountWidget();
    void m.ctl.ask({ interactionId: 'b', scale: 'thumbs' });
    await m.ui.findByRole('radio', { name: 'Thumbs up' });
    expect(m.ui.getAllByRole('radio')).toHaveLength(2);
  });

  it.each([
    ['nps', 11, '0', 'Not at all likely', 'Extremely likely'],
    ['csat5', 5, '1', 'Very unsatisfied', 'Very satisfied'],
    ['ces7', 7, '1', 'Very difficult', 'Very easy'],
  ] as const)('%s: %i numbered radios with end labels', async (scale, count, first, low, high) => {
    m = mountWidget();
    void m.ctl.ask({ interactionId: scale, scale });
    await m.ui.findByRole('radio', { name: first });
    expect(m.ui.getAllByRole('radio')).toHaveLength(count);
    expect(m.ui.getByText(low)).toBeTruthy();
    expect(m.ui.getByText(high)).toBeTruthy();
  });

  it('submits the chosen score and resolves ask() with the rating', async () => {
    m = mountWidget();
    const result = m.ctl.ask({ interactionId: 'nps_1', scale: 'nps' });
    fireEvent.click(await m.ui.findByRole('radio', { name: '10' }));
    fireEvent.click(m.ui.getByRole('button', { name: 'Submit' }));
    const r = await result;
    expect(r.status).toBe('submitted');
    if (r.status === 'submitted') {
      expect(r.rating).toMatchObject({ interactionId: 'nps_1', scale: 'nps', score: 10 });
    }
    await waitFor(() => expect(m!.ui.queryByRole('dialog')).toBeNull());
  });
});
