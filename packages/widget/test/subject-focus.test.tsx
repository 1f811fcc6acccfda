import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type Mounted, mountWidget } from './_util/setup';

let m: Mounted | undefined;
afterEach(() => {
  m?.ctl.destroy();
  m = undefined;
});

describe('who is rated', () => {
  it('shows picture, name and detail as text', async () => {
    m = mountWidget();
    void m.ctl.ask({
      interactionId: 's1',
      subject: { image: '/img/ali.jpg', name: '<b>Ali</b>', detail: 'Toyota · ABC 123' },
    });
    await m.ui.findByRole('dialog');
    const who = m.host.shadowRoot!.querySelector('.who')!;
    expect(who.querySelector('img')!.getAttribute('src')).toBe('/img/ali.jpg');
    expect(who.querySelector('img')!.getAttribute('alt')).toBe('');
    expect(who.textContent).toContain('<b>Ali</b>');
    expect(who.querySelector('b')).toBeNull();
  });

  it.each([
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    'http://cdn.example.com/a.png',
    '//cdn.example.com/a.png',
    ' \\\\cdn.example.com/a.png',
    'JAVASCRIPT:alert(1)',
  ])('refuses the picture URL %s', async (image) => {
    m = mountWidget();
    await expect(m.ctl.ask({ interactionId: 's2', subject: { image } })).rejects.toMatchObject({
      code: 'invalid_option',
      path: 'subject.image',
    });
  });

  it('takes https and relative picture URLs', async () => {
    m = mountWidget();
    for (const [i, image] of ['https://cdn.example.com/a.png', 'a.png', '../a.png'].entries()) {
      void m.ctl.ask({ interactionId: `s3-${i}`, subject: { image } });
    }
    await m.ui.findByRole('dialog');
  });
});

describe('focus', () => {
  it('returns to where it was when the prompt closes', async () => {
    const button = document.createElement('button');
    button.textContent = 'Finish ride';
    document.body.append(button);
    button.focus();
    m = mountWidget();
    const a = m.ctl.ask({ interactionId: 'f1' });
    const first = await m.ui.findByRole('radio', { name: '1 star' });
    // Focus waits for the first frame and storage's decision: slow on a loaded CI box (1 s failed at load 20).
    await waitFor(() => expect(m!.host.shadowRoot!.activeElement).toBe(first), { timeout: 10_000 });
    fireEvent.keyDown(first, { key: 'Escape' });
    await a;
    expect(document.activeElement).toBe(button);
    button.remove();
  });
});
