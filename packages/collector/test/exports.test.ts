import { describe, expect, it } from 'vitest';
import * as api from '../src/index';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CollectorError',
      'createCollector',
      'isCollectorError',
      'isLowScore',
      'jsonLogger',
      'loadConfigFile',
      'pgliteStore',
      'postgresStore',
      'resolveSites',
      'silentLogger',
      'sitesFromEnv',
      'toNodeListener',
      'verifyWebhookSignature',
    ]);
  });
});
