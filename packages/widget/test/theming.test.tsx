import { afterEach, describe, expect, it } from 'vitest';
import { type Mounted, mountWidget } from './_util/setup';

let m: Mounted | undefined;
afterEach(() => {
  m?.ctl.destroy();
  m = undefined;
});

describe('theming and styles', () => {
  it('forces a theme through an attribute on the host and sets tokens through CSSOM', () => {
    m = mountWidget({
      theme: 'dark',
      tokens: { accent: '#ff5500', radius: '4px', background: '#000' },
    });
    expect(m.host.getAttribute('data-theme')).toBe('dark');
    expect(m.host.style.getPropertyValue('--raaye-accent')).toBe('#ff5500');
    expect(m.host.style.getPropertyValue('--raaye-bg')).toBe('#000');
    expect(m.host.style.getPropertyValue('--raaye-radius')).toBe('4px');
  });

  it('follows the device by default', () => {
    m = mountWidget();
    expect(m.host.hasAttribute('data-theme')).toBe(false);
  });

  it('puts styles in the shadow root only: adoptedStyleSheets, else <style nonce>', () => {
    m = mountWidget({ nonce: 'abc123' });
    const root = m.host.shadowRoot!;
    const style = root.querySelector('style');
    if (style) {
      expect(style.nonce || style.getAttribute('nonce')).toBe('abc123');
      expect(style.textContent).toContain(':host');
    } else {
      expect(root.adoptedStyleSheets.length).toBe(1);
    }
    expect(document.head.querySelector('style')).toBeNull();
  });

  it('styles declare the custom properties, dark scheme and reduced motion', async () => {
    const { default: css } = await import('../src/components/RatingPrompt.css?inline');
    for (const token of [
      '--raaye-accent',
      '--raaye-bg',
      '--raaye-text',
      '--raaye-radius',
      '--raaye-font',
    ])
      expect(css).toContain(token);
    expect(css).toContain('prefers-color-scheme: dark');
    expect(css).toContain('prefers-reduced-motion: no-preference');
    expect(css).toContain('safe-area-inset-bottom');
  });

  it('text colours meet 4.5:1 on the background in both themes', () => {
    const lum = (hex: string) => {
      const c = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
      const [r, g, b] = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    // light: text, muted, accent, error on bg; on-accent on accent
    for (const [fg, bg] of [
      ['#1b1b1f', '#ffffff'],
      ['#4f4f57', '#ffffff'],
      ['#0b57d0', '#ffffff'],
      ['#b3261e', '#ffffff'],
      ['#ffffff', '#0b57d0'],
      ['#f1f1f4', '#1f1f23'],
      ['#c4c4cc', '#1f1f23'],
      ['#a8c7fa', '#1f1f23'],
      ['#ffb4ab', '#1f1f23'],
      ['#062e6f', '#a8c7fa'],
    ])
      expect(ratio(fg!, bg!)).toBeGreaterThanOrEqual(4.5);
  });
});
