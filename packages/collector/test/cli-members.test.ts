import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { membersCommand } from '../src/cli/members';
import { pgliteStore } from '../src/store/pglite';
import { collector, site } from './_util/fixtures';

describe('raaye-collector members', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('creates the first owner, who can then sign in; refuses duplicates and bad input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'raaye-members-'));
    dirs.push(dir);
    const out: string[] = [];
    const err: string[] = [];
    const io = (stdin = '') => ({
      out: (s: string) => out.push(s),
      err: (s: string) => err.push(s),
      stdin: async () => stdin,
    });
    const s = site();
    const base = ['--site', s.id, '--data-dir', dir];
    const add = [
      'add',
      ...base,
      '--email',
      'Boss@Shop.example',
      '--role',
      'owner',
      '--name',
      'Boss',
    ];
    expect(
      await membersCommand([...add, '--password-stdin'], {}, io('a fine long password\n')),
    ).toBe(0);
    expect(out.join('')).toMatch(/added boss@shop\.example to .* as owner/);
    expect(await membersCommand(add, {}, io())).toBe(2);
    expect(err.join('')).toMatch(/already a member/);
    expect(
      await membersCommand(
        ['add', ...base, '--email', 'x@shop.example', '--role', 'king'],
        {},
        io(),
      ),
    ).toBe(2);
    expect(
      await membersCommand(
        ['add', ...base, '--email', 'y@shop.example', '--role', 'agent', '--password-stdin'],
        {},
        io('short'),
      ),
    ).toBe(2);
    out.length = 0;
    expect(
      await membersCommand(
        ['add', ...base, '--email', 'ana@shop.example', '--role', 'agent'],
        {},
        io(),
      ),
    ).toBe(0);
    const generated = /password: (\S+)/.exec(out.join(''))?.[1];
    expect(generated).toBeDefined();
    out.length = 0;
    expect(await membersCommand(['list', ...base], {}, io())).toBe(0);
    expect(out.join('')).toMatch(/boss@shop\.example\towner\tBoss/);

    const store = await pgliteStore(dir);
    try {
      const handler = collector(store, [s]);
      const signIn = (email: string, password: string) =>
        handler(
          new Request('http://collector.test/v1/session', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email, password }),
          }),
        );
      expect((await signIn('boss@shop.example', 'a fine long password')).status).toBe(200);
      expect((await signIn('ana@shop.example', generated!)).status).toBe(200);
    } finally {
      await store.close();
    }
    // Five opens of an on-disk PGlite: slow on a loaded machine.
  }, 180_000);
});
