import { expect, it } from 'vitest';

it('exposes exactly the documented public names', async () => {
  expect(Object.keys(await import('../src/index')).sort()).toEqual([
    'LIMITS',
    'RaayeError',
    'SCALES',
    'SOURCES',
    'createClient',
    'isRaayeError',
    'validateOptions',
  ]);
  expect(Object.keys(await import('../src/contract')).sort()).toEqual([
    'LIMITS',
    'RATINGS_PATH',
    'SCALES',
    'SOURCES',
  ]);
});
