import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveLocale } from '../src/i18n/resolve-locale';
import ar from '../src/locales/ar';
import de from '../src/locales/de';
import ur from '../src/locales/ur';
import { type Mounted, mountWidget } from './_util/setup';

let m: Mounted | undefined;
afterEach(() => {
  m?.ctl.destroy();
  m = undefined;
  document.documentElement.lang = '';
});

describe('locales', () => {
  it('renders Urdu right to left; stars fill from the right', async () => {
    m = mountWidget({ locale: 'ur', locales: [ur] });
    void m.ctl.ask({ interactionId: 'u1' });
    const dialog = await m.ui.findByRole('dialog', { name: 'ہم نے کیسا کیا؟' });
    const wrapper = dialog.closest('[dir]')!;
    expect(wrapper.getAttribute('dir')).toBe('rtl');
    expect(wrapper.getAttribute('lang')).toBe('ur');
    // Numbers go through Intl (Urdu digits stay Latin in CLDR's default numbering for ur).
    const three = m.ui.getByRole('radio', {
      name: `${new Intl.NumberFormat('ur').format(3)} ستارے`,
    });
    fireEvent.click(three);
    const labels = [...dialog.querySelectorAll('.opt')];
    expect(labels.map((l) => l.classList.contains('on'))).toEqual([true, true, true, false, false]);
    // In RTL the first option sits at the right, so "filled up to 3" fills from the right.
    fireEvent.keyDown(three, { key: 'ArrowLeft' });
    expect((m.ui.getByRole('radio', { name: /4/ }) as HTMLInputElement).checked).toBe(true);
    expect(m.ui.getByRole('button', { name: 'جمع کرائیں' })).toBeTruthy();
  });

  it('uses Arabic plural forms through Intl.PluralRules', () => {
    const l = resolveLocale([ar], 'ar');
    expect(l.dir).toBe('rtl');
    expect(l.strings.stars.two).toBe('نجمتان');
  });

  it('falls back from config to <html lang> to navigator.language to English', () => {
    document.documentElement.lang = 'de-AT';
    expect(resolveLocale([de, ur]).code).toBe('de');
    expect(resolveLocale([de, ur], 'ur-PK').code).toBe('ur');
    // A language without a loaded pack falls through to the next candidate, then English.
    document.documentElement.lang = 'sw';
    expect(resolveLocale([de], 'ja').code).toBe(navigator.language.startsWith('de') ? 'de' : 'en');
    expect(resolveLocale([], 'ja').strings.submit).toBe('Submit');
  });

  it('picks the <html lang> pack when mounting', async () => {
    document.documentElement.lang = 'de';
    m = mountWidget({ locales: [de] });
    void m.ctl.ask({ interactionId: 'd1' });
    expect(await m.ui.findByRole('radio', { name: '2 Sterne' })).toBeTruthy();
  });

  it('lets any string be overridden', async () => {
    m = mountWidget({ strings: { submit: 'Send rating', wentWrong: 'What happened?' } });
    void m.ctl.ask({ interactionId: 'o1', tags: { low: ['Late'] } });
    fireEvent.click(await m.ui.findByRole('radio', { name: '1 star' }));
    expect(m.ui.getByRole('button', { name: 'Send rating' })).toBeTruthy();
    expect(m.ui.getByRole('group', { name: 'What happened?' })).toBeTruthy();
  });

  it('every pack translates every English key', async () => {
    const { en } = await import('../src/i18n/strings');
    const packs = await Promise.all(
      ['ar', 'de', 'es', 'fr', 'hi', 'id', 'pt', 'tr', 'ur'].map(
        (c) => import(`../src/locales/${c}.ts`) as Promise<{ default: { strings: object } }>,
      ),
    );
    for (const p of packs)
      expect(Object.keys(p.default.strings).sort()).toEqual(Object.keys(en).sort());
  });
});
