import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { built } from '@raaye/test-utils/built';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index';

const dist = join(dirname(fileURLToPath(import.meta.url)), '../dist/index.js');

describe('public API', () => {
  // Skips without a build on a laptop; fails under CI=true, which builds first.
  it.skipIf(!built(dist))('the built package exports the same names as the source', async () => {
    const built = (await import(pathToFileURL(dist).href)) as Record<string, unknown>;
    expect(Object.keys(built).sort()).toEqual(Object.keys(api).sort());
  });

  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CollectorError',
      'DEFAULT_RATER_TOKEN_TTL',
      'EVENT_TYPES',
      'MAX_RATER_TOKEN_TTL',
      'RATER_TOKEN_KIND',
      'createCollector',
      'isCollectorError',
      'isLowScore',
      'jsonLogger',
      'loadConfigFile',
      'pgliteStore',
      'postgresStore',
      'resolveSites',
      'signRaterToken',
      'signToken',
      'silentLogger',
      'sitesFromEnv',
      'toNodeListener',
      'validateRating',
      'verifyRaterToken',
      'verifyToken',
    ]);
  });
});
