import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteStore } from '../src/store/pglite';
import type { Store } from '../src/store/types';
import { collector, envelope, getRequest, postRequest, rating, site } from './_util/fixtures';

const run = promisify(execFile);
const LIBREOFFICE = '/usr/bin/libreoffice';

// Each attack evaluates to 21021 if a spreadsheet runs it; the control line (not from the
// export) evaluates to 14014, proving LibreOffice does evaluate formulas in this set-up.
const ATTACKS = [
  'thanks;=7007*3;',
  'x\t=7007*3',
  'a|=7007*3',
  'b,=7007*3',
  '=7007*3',
  ' +7007*3',
  'line\n=7007*3',
  'c;@SUM(7007*3)',
  'd\t-7007*-3',
];
const CONTROL = 'ctl,=7007*2\r\nctl;=7007*2\r\nctl\t=7007*2\r\nctl|=7007*2\r\n';
const SEPARATORS = { comma: 44, semicolon: 59, tab: 9, pipe: 124 } as const;

describe.skipIf(!process.env.CI && !installed(LIBREOFFICE))(
  'CSV export opened in LibreOffice',
  () => {
    let store: Store;
    let dir: string;
    beforeAll(async () => {
      store = await pgliteStore();
      dir = mkdtempSync(join(tmpdir(), 'raaye-csv-'));
    });
    afterAll(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('runs no formula whichever separator it is opened with', async () => {
      const s = site();
      const handler = collector(store, [s]);
      const ratings = ATTACKS.map((comment, i) =>
        rating({ comment, tags: [ATTACKS[(i + 1) % ATTACKS.length]!.trim() || 'x'] }),
      );
      await handler(postRequest(envelope(ratings, { siteKey: s.siteKey })));
      const res = await handler(getRequest('/v1/ratings?format=csv', s.secretKey));
      const csv = await res.text();
      expect(csv.split('\r\n').length).toBeGreaterThan(ATTACKS.length);
      writeFileSync(join(dir, 'ratings.csv'), `${csv}${CONTROL}`);

      // One LibreOffice per separator, each with its own profile so they can run side by side.
      const results = await Promise.all(
        Object.entries(SEPARATORS).map(async ([name, code]) => {
          const out = join(dir, name);
          await run(
            LIBREOFFICE,
            [
              `-env:UserInstallation=file://${join(dir, `profile-${name}`)}`,
              '--headless',
              `--infilter=CSV:${code},34,76,1`,
              '--convert-to',
              'csv:Text - txt - csv (StarCalc):44,34,76,1',
              '--outdir',
              out,
              join(dir, 'ratings.csv'),
            ],
            { timeout: 120_000 },
          );
          return [name, readFileSync(join(out, 'ratings.csv'), 'utf8')] as const;
        }),
      );
      for (const [name, values] of results) {
        expect(values, `control evaluated with ${name}`).toContain('14014');
        expect(values, `an attack evaluated with ${name}`).not.toContain('21021');
      }
    }, 180_000);
  },
);

function installed(path: string): boolean {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}
