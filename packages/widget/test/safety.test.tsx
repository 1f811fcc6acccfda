import { isRaayeError } from '@raaye/core';
import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { mount } from '../src/mount';
import { type Mounted, mountWidget } from './_util/setup';

let m: Mounted | undefined;
afterEach(() => {
  m?.ctl.destroy();
  m = undefined;
});

const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

describe('hostile input', () => {
  it('shows titles, subtitles, tags and comments as text', async () => {
    m = mountWidget();
    const result = m.ctl.ask({
      interactionId: 'h1',
      title: evil,
      subtitle: `<b>${evil}</b>`,
      tags: { low: [evil.slice(0, 64)] },
    });
    const dialog = await m.ui.findByRole('dialog', { name: evil });
    fireEvent.click(m.ui.getByRole('radio', { name: '1 star' }));
    fireEvent.click(m.ui.getByRole('checkbox', { name: evil.slice(0, 64) }));
    fireEvent.input(m.ui.getByRole('textbox'), { target: { value: evil } });
    expect(dialog.querySelector('img, script, b')).toBeNull();
    expect(dialog.textContent).toContain('<script>');
    fireEvent.click(m.ui.getByRole('button', { name: 'Submit' }));
    const r = await result;
    expect(r.status === 'submitted' && r.rating.comment).toBe(evil);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('options and lifecycle', () => {
  it('rejects bad options with a clear RaayeError', () => {
    const attempt = (o: object) => {
      try {
        mount(o as never);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const e = attempt({ endpoint: 'https://x.test' });
    expect(isRaayeError(e) && e.code).toBe('invalid_option');
    expect(isRaayeError(e) && e.path).toBe('siteKey');
    expect(isRaayeError(attempt({ siteKey: 'pk_1', endpoint: 'ftp://x' }))).toBe(true);
    expect(
      isRaayeError(attempt({ siteKey: 'pk_1', endpoint: 'https://x.test', layout: 'popup' })),
    ).toBe(true);
    expect(document.querySelector('[data-raaye]')).toBeNull();
  });

  it('rejects a bad prompt from ask() without touching the page', async () => {
    m = mountWidget();
    await expect(m.ctl.ask({ interactionId: '' })).rejects.toMatchObject({
      code: 'invalid_option',
    });
    await expect(
      m.ctl.ask({ interactionId: 'a', scale: 'stars10' as never }),
    ).rejects.toMatchObject({
      path: 'scale',
    });
  });

  it('creates its own client from siteKey and endpoint', () => {
    const ctl = mount({
      siteKey: 'pk_test',
      endpoint: 'https://collector.test',
      storage: 'memory',
    });
    expect(ctl.client.options.siteKey).toBe('pk_test');
    expect(ctl.client.options.source).toBe('web');
    ctl.destroy();
  });

  it('destroy() leaves no nodes, inert attributes or listeners behind', async () => {
    const before = document.body.innerHTML;
    m = mountWidget();
    void m.ctl.ask({ interactionId: 'd1', required: true });
    await m.ui.findByRole('dialog');
    m.ctl.destroy();
    m = undefined;
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelector('[inert]')).toBeNull();
  });

  it('renders inline prompts inside the site element, without a dialog role', async () => {
    const target = document.createElement('section');
    document.body.append(target);
    m = mountWidget({ target });
    void m.ctl.ask({ interactionId: 'i1', title: 'Rate this article' });
    const region = await m.ui.findByRole('region', { name: 'Rate this article' });
    expect(region).toBeTruthy();
    expect(target.contains(m.host)).toBe(true);
    m.ctl.destroy();
    m = undefined;
    expect(target.childNodes).toHaveLength(0);
    target.remove();
  });
});
