import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile, sitesFromEnv } from '../src/config/load';
import { resolveSites } from '../src/config/sites';
import { isCollectorError } from '../src/errors';

const good = {
  id: 'shop',
  siteKey: 'pk_shop',
  secretKey: 'sk_shop_secret',
  allowedOrigins: ['https://shop.example.com', 'https://*.example.com'],
};

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(isCollectorError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('did not throw');
}

describe('resolveSites()', () => {
  it('fills default limits', () => {
    const [site] = resolveSites([good]);
    expect(site!.limits.maxBodyBytes).toBe(65_536);
    expect(site!.limits.client.burst).toBeGreaterThan(0);
  });

  it.each([
    [[{ ...good, siteKey: 'shop' }], 'sites[0].siteKey'],
    [[{ ...good, secretKey: 'pk_x' }], 'sites[0].secretKey'],
    [[{ ...good, allowedOrigins: ['shop.example.com'] }], 'sites[0].allowedOrigins[0]'],
    [[{ ...good, limits: { maxBodyBytes: 10_000_000 } }], 'sites[0].limits.maxBodyBytes'],
    [[{ ...good, typo: 1 }], 'sites[0]'],
    [[good, { ...good, id: 'two', secretKey: 'sk_other' }], 'duplicate'],
    [[], 'no sites'],
    ['nope', 'sites'],
  ])('rejects %j naming %s', (input, expected) => {
    expect(errorOf(() => resolveSites(input))).toContain(expected);
  });
});

describe('config sources', () => {
  it('loads a JSON file and reports bad ones with the file name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'raaye-config-'));
    const path = join(dir, 'raaye.json');
    await writeFile(path, JSON.stringify({ sites: [good], basePath: '/raaye' }));
    const config = await loadConfigFile(path);
    expect(config.basePath).toBe('/raaye');
    expect(config.sites[0]!.siteKey).toBe('pk_shop');
    await writeFile(path, '{"sites": [');
    await expect(loadConfigFile(path)).rejects.toThrow(path);
    await writeFile(path, JSON.stringify({ sites: [{ ...good, siteKey: 1 }] }));
    await expect(loadConfigFile(path)).rejects.toThrow('sites[0].siteKey');
    await expect(loadConfigFile(join(dir, 'missing.json'))).rejects.toThrow('cannot read');
  });

  it('reads one site or a JSON list from the environment', () => {
    expect(sitesFromEnv({})).toEqual([]);
    const [one] = sitesFromEnv({
      RAAYE_SITE_KEY: 'pk_env',
      RAAYE_SECRET_KEY: 'sk_env',
      RAAYE_ALLOWED_ORIGINS: 'https://a.example.com, https://b.example.com',
    });
    expect(one).toMatchObject({
      id: 'default',
      allowedOrigins: ['https://a.example.com', 'https://b.example.com'],
    });
    expect(sitesFromEnv({ RAAYE_SITES: JSON.stringify([good]) })[0]!.id).toBe('shop');
    expect(errorOf(() => sitesFromEnv({ RAAYE_SITES: '[' }))).toContain('RAAYE_SITES');
    expect(errorOf(() => sitesFromEnv({ RAAYE_SITE_KEY: 'pk_x' }))).toContain('secretKey');
  });
});
