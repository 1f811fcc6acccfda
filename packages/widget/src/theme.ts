import type { MountOptions } from './types';

/** Theme mode and tokens go on the host; the shadow styles derive everything from them. */
export function applyTheme(host: HTMLElement, o: MountOptions): void {
  if (o.theme && o.theme !== 'auto') host.setAttribute('data-theme', o.theme);
  for (const [k, v] of Object.entries(o.tokens ?? {})) {
    // CSSOM writes are allowed under a strict style-src, unlike style attributes in markup.
    if (typeof v === 'string')
      host.style.setProperty(`--raaye-${k === 'background' ? 'bg' : k}`, v);
  }
}

/**
 * The on-screen keyboard shrinks the visual viewport, not the layout one: publish its height as
 * `--raaye-kb` so sheets sit above it. Returns the cleanup.
 */
export function trackKeyboard(host: HTMLElement): () => void {
  const vv = window.visualViewport;
  if (!vv) return () => {};
  const onResize = () => {
    const kb = Math.max(0, window.innerHeight - vv.height - vv.offsetTop);
    host.style.setProperty('--raaye-kb', `${Math.round(kb)}px`);
  };
  vv.addEventListener('resize', onResize);
  return () => vv.removeEventListener('resize', onResize);
}
