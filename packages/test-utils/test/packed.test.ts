// The packed-consumer test (issue 10): every public package as `pnpm pack` makes it, installed
// into a project OUTSIDE the workspace, used the way a new user would — types from the README
// examples under strict settings and three module resolutions, the npm example built with Vite,
// plain Node ESM imports, and the collector CLI run from the install. Needs `pnpm build` first.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustExist } from '../src/built';
import { runCollectorCli, startCollectorCli } from '../src/collector-cli';
import { execFileAsync, pnpm } from '../src/pnpm';
import { examplesOf } from '../src/readme-examples';

const REPO = join(import.meta.dirname, '..', '..', '..');

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  exports?: unknown;
  publishConfig?: { exports?: unknown; access?: string };
  [field: string]: unknown;
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Manifest;

/** Every non-private packages/*: the set that gets published. */
const publics = readdirSync(join(REPO, 'packages'))
  .map((dir) => ({
    dir: join(REPO, 'packages', dir),
    manifest: join(REPO, 'packages', dir, 'package.json'),
  }))
  .filter(({ manifest }) => existsSync(manifest) && !read(manifest).private)
  .map(({ dir, manifest }) => ({ dir, pkg: read(manifest) }));

/** The exports map with the workspace-only `@raaye/source` condition taken out. */
function withoutSource(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '@raaye/source')
      .map(([key, v]) => [key, withoutSource(v)]),
  );
}

const STRICT = {
  strict: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: false,
  // TypeScript's own lib.*.d.ts need no re-check; ours and every dependency's still do.
  skipDefaultLibCheck: true,
  noEmit: true,
  target: 'ES2022',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  types: ['node'],
  jsx: 'react-jsx',
};
const RESOLUTIONS = {
  bundler: { module: 'ESNext', moduleResolution: 'Bundler' },
  node16: { module: 'Node16', moduleResolution: 'Node16' },
  nodenext: { module: 'NodeNext', moduleResolution: 'NodeNext' },
};

describe('packed packages, installed outside the workspace', () => {
  const root = mkdtempSync(join(tmpdir(), 'raaye-packed-'));
  const packs = join(root, 'packs');
  const app = join(root, 'app');
  const tarballs = new Map<string, string>();

  beforeAll(async () => {
    mkdirSync(packs);
    for (const { dir, pkg } of publics) {
      mustExist(join(dir, 'dist'), 'run `pnpm build` before the packed-consumer test');
      const { stdout } = await pnpm(['pack', '--pack-destination', packs], dir);
      const file = stdout.trim().split('\n').at(-1)!.trim();
      tarballs.set(pkg.name, file.startsWith('/') ? file : join(packs, file));
    }

    // The npm example (examples/npm-app) is the consumer project: its sources, its Vite config,
    // and its dependencies with every @raaye/* pointed at a tarball (overrides cover the
    // packages' dependencies on each other).
    const example = join(REPO, 'examples', 'npm-app');
    cpSync(example, app, { recursive: true, filter: (src) => !src.includes('node_modules') });
    const own = read(join(example, 'package.json')) as Manifest & {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const tarball = Object.fromEntries([...tarballs].map(([name, file]) => [name, `file:${file}`]));
    const catalog = readFileSync(join(REPO, 'pnpm-workspace.yaml'), 'utf8');
    const fromCatalog = (name: string) =>
      new RegExp(`^\\s+"?${name}"?: (.+)$`, 'm').exec(catalog)?.[1]?.trim() ?? 'latest';
    const resolve = (deps: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(deps).map(([name, spec]) => [
          name,
          spec === 'catalog:'
            ? fromCatalog(name)
            : spec.startsWith('workspace:')
              ? tarball[name]!
              : spec,
        ]),
      );
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({
        name: 'raaye-packed-consumer',
        private: true,
        type: 'module',
        dependencies: { ...resolve(own.dependencies), ...tarball },
        devDependencies: {
          ...resolve(own.devDependencies),
          typescript: fromCatalog('typescript'),
          '@types/node': fromCatalog('@types/node'),
        },
        pnpm: { overrides: tarball },
      }),
    );
    // The example's tsconfig extends the workspace's; out here it stands alone.
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...STRICT, ...RESOLUTIONS.bundler, types: ['vite/client'] },
        include: ['src'],
      }),
    );
    // From the pnpm store the workspace already filled: only the npm registry, and rarely.
    await pnpm(['install', '--prefer-offline', '--no-frozen-lockfile', '--ignore-workspace'], app);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds the public packages', () => {
    expect(publics.map(({ pkg }) => pkg.name)).toEqual(
      expect.arrayContaining(['@raaye/collector', '@raaye/core', '@raaye/widget']),
    );
  });

  it('packs manifests with no workspace-only reference, ready to publish', async () => {
    for (const { dir, pkg } of publics) {
      const file = tarballs.get(pkg.name)!;
      const { stdout: listing } = await execFileAsync('tar', ['tzf', file]);
      const { stdout: json } = await execFileAsync('tar', ['xzOf', file, 'package/package.json']);
      const packed = JSON.parse(json) as Manifest;
      expect(json, pkg.name).not.toContain('@raaye/source');
      expect(json, pkg.name).not.toMatch(/["'](\.\/)?src\//);
      expect(json, pkg.name).not.toContain('workspace:');
      for (const field of ['repository', 'homepage', 'engines', 'keywords', 'license']) {
        expect(packed[field], `${pkg.name} ${field}`).toBeTruthy();
      }
      expect(listing, pkg.name).toMatch(/^package\/LICENSE$/m);
      expect(listing, pkg.name).toMatch(/^package\/README\.md$/m);
      expect(listing, pkg.name).not.toMatch(/^package\/src\//m);
      // publishConfig.exports must be the workspace exports minus the source condition, so an
      // entry added to one cannot be forgotten in the other.
      expect(pkg.publishConfig?.exports, pkg.name).toEqual(withoutSource(pkg.exports));

      // Without the npm_config_* variables pnpm sets for `pnpm run` (catalog, …): npm warns
      // about each one it does not know, which says nothing about the package.
      const env = Object.fromEntries(
        Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)),
      );
      const { stdout, stderr } = await execFileAsync(
        'npm',
        ['publish', '--dry-run', '--ignore-scripts', file],
        { cwd: dir, env },
      );
      expect(stdout, pkg.name).toContain(`${pkg.name}@${pkg.version}`);
      // Only the dry run's own notice that nobody is logged in may warn.
      const warnings = stderr
        .split('\n')
        .filter((l) => /npm (warn|err)/i.test(l) && !/requires you to be logged in/.test(l));
      expect(warnings, pkg.name).toEqual([]);
    }
  });

  it('type-checks the README examples under bundler, node16 and nodenext (strict)', async () => {
    const dir = join(app, 'readme');
    mkdirSync(dir);
    const files: string[] = [];
    for (const { pkg } of publics) {
      const readme = readFileSync(join(app, 'node_modules', pkg.name, 'README.md'), 'utf8');
      for (const example of examplesOf(readme)) {
        const file = `${pkg.name.replace('@raaye/', '')}-${example.line}.ts`;
        writeFileSync(join(dir, file), example.code);
        files.push(file);
      }
    }
    expect(files.some((f) => f.startsWith('core-'))).toBe(true);
    // What must NOT compile: the types are real, not `any`.
    writeFileSync(
      join(dir, 'must-not-compile.ts'),
      `import { createClient } from '@raaye/core';
import { ask } from '@raaye/widget';
const client = createClient({ siteKey: 'pk_x', endpoint: 'https://ratings.example.com' });
// @ts-expect-error 'stars7' is not a scale
void client.rate({ interactionId: 'a', scale: 'stars7', score: 3 });
// @ts-expect-error a prompt needs an interactionId
void ask({ title: 'How was it?' });
export {};
`,
    );
    files.push('must-not-compile.ts');
    const tsc = join(app, 'node_modules', 'typescript', 'bin', 'tsc');
    const failures: string[] = [];
    await Promise.all(
      Object.entries(RESOLUTIONS).map(async ([name, resolution]) => {
        const config = join(dir, `tsconfig.${name}.json`);
        writeFileSync(
          config,
          JSON.stringify({ compilerOptions: { ...STRICT, ...resolution }, files }),
        );
        try {
          await execFileAsync(process.execPath, [tsc, '-p', config], { cwd: dir });
        } catch (error) {
          failures.push(`${name}:\n${(error as { stdout?: string }).stdout ?? error}`);
        }
      }),
    );
    expect(failures).toEqual([]);
  });

  it('imports core and collector in plain Node ESM', async () => {
    const { stdout } = await execFileAsync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const core = await import('@raaye/core');
const collector = await import('@raaye/collector');
console.log(typeof core.createClient, typeof collector.createCollector, typeof collector.pgliteStore);`,
      ],
      { cwd: app },
    );
    expect(stdout.trim()).toBe('function function function');
  });

  it('builds the npm example with Vite', async () => {
    await execFileAsync(
      process.execPath,
      [join(app, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
      {
        cwd: app,
      },
    );
    expect(existsSync(join(app, 'dist', 'index.html'))).toBe(true);
    expect(existsSync(join(app, 'dist', 'react.html'))).toBe(true);
  });

  it('runs the packed collector CLI: health, dashboard, script-tag files, a locale pack, keys', async () => {
    const cli = join(app, 'node_modules', '@raaye', 'collector', 'dist', 'cli.js');
    const keys = await runCollectorCli({ cli, cwd: app, args: ['keys'] });
    expect(keys.code).toBe(0);
    expect(JSON.parse(keys.stdout)).toMatchObject({
      siteKey: expect.stringMatching(/^pk_[\w-]{22,}$/),
      secretKey: expect.stringMatching(/^sk_[\w-]{43,}$/),
    });
    const running = await startCollectorCli({
      cli,
      cwd: app,
      args: ['--demo', '--data-dir', join(root, 'data')],
    });
    try {
      const get = async (path: string) => {
        const response = await fetch(`${running.url}${path}`);
        return {
          status: response.status,
          type: response.headers.get('content-type') ?? '',
          body: await response.text(),
        };
      };
      expect((await get('/healthz')).status).toBe(200);
      const dashboard = await get('/dashboard/');
      expect(dashboard).toMatchObject({ status: 200, type: expect.stringContaining('text/html') });
      expect(dashboard.body).toContain('assets/dashboard.js');
      expect((await get('/dashboard/assets/dashboard.js')).status).toBe(200);
      for (const path of ['/sdk/raaye.js', '/sdk/raaye.ur.js']) {
        const file = await get(path);
        expect(file, path).toMatchObject({
          status: 200,
          type: expect.stringContaining('javascript'),
        });
      }
      expect((await get('/')).body).toContain('data-site-key="pk_demo"');
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });
});
