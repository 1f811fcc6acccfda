import { describe, expect, it } from 'vitest';
import { DATABASE_URL } from './_util/stores';

// The integration suites run on PostgreSQL only when RAAYE_TEST_DATABASE_URL is set. In CI a
// missing database must fail the run, not quietly shrink it to PGlite.
describe('PostgreSQL test database', () => {
  if (DATABASE_URL) {
    it('is configured through RAAYE_TEST_DATABASE_URL', () => {
      expect(DATABASE_URL).toMatch(/^postgres(ql)?:\/\//);
    });
  } else if (process.env.CI === 'true') {
    it('is required in CI', () => {
      throw new Error(
        'RAAYE_TEST_DATABASE_URL is not set: CI must run the suites on PostgreSQL (see .ci/run)',
      );
    });
  } else {
    it.skip('RAAYE_TEST_DATABASE_URL is not set: PostgreSQL suites skipped, PGlite only', () => {});
  }
});
