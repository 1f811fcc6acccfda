import { cp, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoStatic } from '../src/cli/demo';
import { HTML_CSP, serveStatic } from '../src/http/static-files';

describe('serveStatic()', () => {
  let root: string;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'raaye-static-'));
    root = join(dir, 'public');
    await mkdir(join(root, 'sub'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<h1>hi</h1>');
    await writeFile(join(root, 'app.js'), 'console.log(1)');
    await writeFile(join(root, 'sub', 'style.css'), 'body{}');
    await writeFile(join(dir, 'secret.txt'), 'top secret');
    await symlink(join(dir, 'secret.txt'), join(root, 'link.txt'));
  });

  it('serves files with content types, and HTML with a strict CSP', async () => {
    const html = await serveStatic(root, '/', '/');
    expect(html!.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html!.headers.get('content-security-policy')).toBe(HTML_CSP);
    expect(await html!.text()).toBe('<h1>hi</h1>');
    const js = await serveStatic(root, '/', '/app.js');
    expect(js!.headers.get('content-type')).toContain('text/javascript');
    expect(js!.headers.get('x-content-type-options')).toBe('nosniff');
    const css = await serveStatic(root, '/', '/sub/style.css');
    expect(css!.headers.get('content-type')).toContain('text/css');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/sub/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%5csecret.txt',
    '/app.js%00.html',
    '/link.txt',
    '/missing.js',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    expect(await serveStatic(root, '/', path)).toBeUndefined();
  });

  it('falls back to a built-in notice when the demo page is missing', async () => {
    const handler = demoStatic(join(root, 'no-such-repo'));
    const res = await handler(new Request('http://x/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(HTML_CSP);
    expect(await res.text()).toContain('pk_demo');
    expect((await handler(new Request('http://x/sdk/raaye.js'))).status).toBe(404);
  });

  it('serves the script-tag demo at / and the webview page at /webview/ from dist/static', async () => {
    // The layout scripts/copy-static.mjs builds in dist/static, from the same example pages.
    const assets = await mkdtemp(join(tmpdir(), 'raaye-static-'));
    const examples = join(import.meta.dirname, '..', '..', '..', 'examples');
    await cp(join(examples, 'script-tag'), join(assets, 'demo'), { recursive: true });
    await cp(join(examples, 'webview'), join(assets, 'webview'), { recursive: true });
    const handler = demoStatic(assets);
    const home = await handler(new Request('http://x/'));
    expect(await home.text()).toContain('data-site-key="pk_demo"');
    const webview = await handler(new Request('http://x/webview/'));
    expect(webview.status).toBe(200);
    expect(webview.headers.get('content-security-policy')).toBe(HTML_CSP);
    expect(await webview.text()).toContain('bridge.js');
    expect((await handler(new Request('http://x/webview/bridge.js'))).status).toBe(200);
  });
});
