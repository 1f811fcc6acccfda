import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectBridge } from '../src/bridge/webview-bridge';
import { mount } from '../src/mount';
import { type Mounted, mountWidget } from './_util/setup';

type W = Record<string, unknown>;
const w = window as unknown as W;
let m: Mounted | undefined;
afterEach(() => {
  m?.ctl.destroy();
  m = undefined;
  delete w.webkit;
  delete w.RaayeAndroid;
  delete w.ReactNativeWebView;
});

const fakes = {
  'webview-ios': (got: unknown[]) => {
    w.webkit = { messageHandlers: { raaye: { postMessage: (m: unknown) => got.push(m) } } };
  },
  'webview-android': (got: unknown[]) => {
    w.RaayeAndroid = { postMessage: (m: string) => got.push(JSON.parse(m)) };
  },
  'react-native': (got: unknown[]) => {
    w.ReactNativeWebView = { postMessage: (m: string) => got.push(JSON.parse(m)) };
  },
} as const;

describe('webview bridge', () => {
  it.each(Object.keys(fakes) as Array<keyof typeof fakes>)(
    '%s: posts lifecycle and results, and sets the source',
    async (kind) => {
      const got: Array<{ type: string; version: number; payload: Record<string, unknown> }> = [];
      fakes[kind](got as unknown[]);
      expect(detectBridge()?.kind).toBe(kind);
      const ctl = mount({
        siteKey: 'pk_t',
        endpoint: 'https://c.test',
        storage: 'memory',
        thanksMs: 0,
      });
      expect(ctl.client.options.source).toBe(kind);
      const host = document.querySelector<HTMLElement>('[data-raaye]')!;
      const shadow = host.shadowRoot!;
      const result = ctl.ask({ interactionId: 'trip_7' });
      await new Promise((r) => setTimeout(r, 30));
      (shadow.querySelector('input[value="5"]') as HTMLInputElement).click();
      await new Promise((r) => setTimeout(r, 0));
      fireEvent.click(shadow.querySelector('.submit')!);
      const r = await result;
      expect(r.status === 'submitted' && r.rating.source).toBe(kind);
      expect(got.map((g) => g.type)).toEqual([
        'raaye:shown',
        'raaye:submitted',
        'raaye:high-score',
      ]);
      expect(got.every((g) => g.version === 1)).toBe(true);
      expect(got[1]!.payload).toMatchObject({ interactionId: 'trip_7', queued: false });
      expect(got[2]!.payload).toEqual({ interactionId: 'trip_7', scale: 'stars5', score: 5 });
      ctl.destroy();
    },
  );

  it('posts dismissals, and no high-score for a low score', async () => {
    const got: Array<{ type: string }> = [];
    fakes['react-native'](got);
    m = mountWidget();
    const a = m.ctl.ask({ interactionId: 'x1' });
    fireEvent.click(await m.ui.findByRole('button', { name: 'Close' }));
    await a;
    const b = m.ctl.ask({ interactionId: 'x2' });
    fireEvent.click(await m.ui.findByRole('radio', { name: '2 stars' }));
    fireEvent.click(m.ui.getByRole('button', { name: 'Submit' }));
    await b;
    expect(got.map((g) => g.type)).toEqual([
      'raaye:shown',
      'raaye:dismissed',
      'raaye:shown',
      'raaye:submitted',
    ]);
  });

  it('a throwing native handler does not break the prompt; its error reaches the page', async () => {
    // The package's emitter policy: the error goes to reportError (the page's error reporting),
    // or the console where that is missing (happy-dom); the prompt carries on.
    const seen: unknown[] = [];
    const onError = (e: ErrorEvent) => {
      seen.push(e.error);
      e.preventDefault();
    };
    window.addEventListener('error', onError);
    const logged = vi.spyOn(console, 'error').mockImplementation((e) => seen.push(e));
    w.RaayeAndroid = {
      postMessage: () => {
        throw new Error('native crash');
      },
    };
    m = mountWidget();
    const a = m.ctl.ask({ interactionId: 'x3' });
    fireEvent.click(await m.ui.findByRole('radio', { name: '5 stars' }));
    fireEvent.click(m.ui.getByRole('button', { name: 'Submit' }));
    expect((await a).status).toBe('submitted');
    window.removeEventListener('error', onError);
    logged.mockRestore();
    expect(String(seen[0])).toMatch(/native crash/);
  });

  it('bridge: false turns it off', () => {
    fakes['webview-ios']([]);
    const ctl = mount({
      siteKey: 'pk_t',
      endpoint: 'https://c.test',
      storage: 'memory',
      bridge: false,
    });
    expect(ctl.client.options.source).toBe('web');
    ctl.destroy();
  });
});
