import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { built as exists } from '@raaye/test-utils/built';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runScript, SNIPPET } from './_util/snippet';

// Runs against the built files (`pnpm --filter @raaye/widget build` first); skipped without them,
// except under CI=true, where a missing build fails.
const dist = join(import.meta.dirname, '../dist');
const built = exists(join(dist, 'raaye.js'), 'run `pnpm --filter @raaye/widget build` first');
const read = (f: string) => readFileSync(join(dist, f), 'utf8');
const run = runScript;

type W = { raaye?: ((...a: unknown[]) => unknown) & { q?: unknown[]; loaded?: boolean } };
const w = window as unknown as W;

afterEach(() => {
  w.raaye?.('destroy');
  delete w.raaye;
  for (const s of document.head.querySelectorAll('script')) s.remove();
});

describe.skipIf(!built)('dist/raaye.js (script-tag build)', () => {
  it('has nothing a strict CSP blocks: no eval, no Function, no inline style attributes', () => {
    const code = read('raaye.js');
    expect(code).not.toMatch(/\beval\(|new Function\(/);
    expect(code).not.toMatch(/setAttribute\(["']style["']/);
  });

  it('installs window.raaye, runs the queue, and a second copy is a no-op', async () => {
    run(SNIPPET);
    w.raaye!('ask', { interactionId: 'dist_1', title: 'Built' });
    const s = document.createElement('script');
    s.dataset.siteKey = 'pk_demo';
    s.dataset.endpoint = 'https://collector.test';
    document.head.append(s);
    const code = read('raaye.js');
    run(code);
    const api = w.raaye;
    expect(api?.loaded).toBe(true);
    run(code);
    expect(w.raaye).toBe(api);
    await new Promise((r) => setTimeout(r, 50));
    expect(document.querySelectorAll('[data-raaye]')).toHaveLength(1);
    const dialog = document
      .querySelector('[data-raaye]')!
      .shadowRoot!.querySelector('[role=dialog]');
    expect(dialog?.textContent).toContain('Built');
  });

  it('a locale pack loaded before raaye.js is queued; after, it registers directly', () => {
    run(read('raaye.ur.js'));
    expect(w.raaye?.q).toHaveLength(1);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    run(read('raaye.js'));
    run(read('raaye.ar.js'));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
