import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { envelope, rating } from './_util/fixtures';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');

// The source through tsx, so the test does not depend on a fresh build.
function startCli(args: string[]): ChildProcess {
  return spawn(
    process.execPath,
    ['--conditions=@raaye/source', '--import', 'tsx', join(pkg, 'src/cli.ts'), ...args],
    { cwd: pkg, env: { ...process.env, RAAYE_SITES: '', RAAYE_SITE_KEY: '' }, stdio: 'pipe' },
  );
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('raaye-collector CLI', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves the demo: health, ingest, stats, page; exits 0 on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'raaye-cli-'));
    const child = startCli(['--demo', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir]);
    children.push(child);
    const url = await waitForUrl(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const r = rating();
    const post = await fetch(`${url}/v1/ratings`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: url },
      body: JSON.stringify(envelope([r], { siteKey: 'pk_demo' })),
    });
    expect(post.status).toBe(200);
    expect(await post.json()).toEqual({ results: [{ id: r.id, status: 'accepted' }] });
    const stats = await fetch(`${url}/v1/stats`, { headers: { authorization: 'Bearer sk_demo' } });
    expect(await stats.json()).toMatchObject({ count: 1 });
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${url}/..%2f..%2fpackage.json`)).status).toBe(404);

    const exited = exitCode(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('fails fast with a clear message on a bad config', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'raaye-cli-bad-'));
    const config = join(dir, 'raaye.json');
    await writeFile(config, JSON.stringify({ sites: [{ id: 'x', siteKey: 'nope' }] }));
    const child = startCli(['--config', config, '--port', '0', '--data-dir', join(dir, 'data')]);
    children.push(child);
    let err = '';
    child.stderr!.on('data', (c) => (err += c));
    expect(await exitCode(child)).toBe(1);
    expect(err).toContain('sites[0]');
  });

  it('builds an executable bin when dist exists', () => {
    const cli = join(pkg, 'dist/cli.js');
    if (!existsSync(cli)) return;
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});
