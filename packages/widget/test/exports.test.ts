import { describe, expect, it } from 'vitest';

describe('public surface', () => {
  it('lists exactly these runtime exports', async () => {
    expect(Object.keys(await import('../src/index')).sort()).toEqual([
      'RatingPrompt',
      'ask',
      'destroy',
      'detectBridge',
      'en',
      'fetchOwed',
      'init',
      'mount',
      'registerLocale',
    ]);
  });

  it('each locale entry exports one default pack', async () => {
    for (const code of ['ar', 'de', 'es', 'fr', 'hi', 'id', 'pt', 'tr', 'ur']) {
      const mod = (await import(`../src/locales/${code}.ts`)) as Record<string, unknown>;
      expect(Object.keys(mod)).toEqual(['default']);
      expect((mod.default as { code: string }).code).toBe(code);
    }
  });
});
