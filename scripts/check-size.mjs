#!/usr/bin/env node
// Size budgets, checked by exact byte counts. Each package may have a `size-budget.json`, either
//   [{ "name": "...", "entry": "dist/index.js", "bundle": true, "limit": 7168 }]
// or the short form { "dist/raaye.js": 16384 } for built files measured as they are.
// `bundle: true` bundles the entry with all its dependencies (minified, ESM, for browsers) the
// way a site's bundler would; otherwise the built file is measured as is (it must be minified).
// `limit` is in brotli bytes. A budget rises only in a commit that says why.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const brotli = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

async function measure(dir, { entry, bundle, exports: named }) {
  const file = join(dir, entry);
  if (!existsSync(file)) throw new Error(`${file} does not exist: run \`pnpm build\` first.`);
  if (!bundle) return readFileSync(file);
  const stdin = named
    ? { contents: `export { ${named} } from ${JSON.stringify(file)};`, resolveDir: dir }
    : undefined;
  const result = await build({
    ...(stdin ? { stdin } : { entryPoints: [file] }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return Buffer.from(result.outputFiles[0].contents);
}

let failed = false;
const rows = [];
for (const pkg of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', pkg);
  const budgetFile = join(dir, 'size-budget.json');
  if (!existsSync(budgetFile)) continue;
  const parsed = JSON.parse(readFileSync(budgetFile, 'utf8'));
  const budgets = Array.isArray(parsed)
    ? parsed
    : Object.entries(parsed).map(([entry, limit]) => ({ name: entry, entry, limit }));
  for (const budget of budgets) {
    const code = await measure(dir, budget);
    const size = {
      min: code.length,
      gzip: gzipSync(code, { level: 9 }).length,
      brotli: brotli(code),
    };
    const ok = size.brotli <= budget.limit;
    failed ||= !ok;
    rows.push({
      package: pkg,
      name: budget.name,
      ...size,
      limit: budget.limit,
      ok: ok ? 'ok' : 'OVER',
    });
  }
}
console.table(rows);
if (failed) {
  console.error(
    'Size budget exceeded. Make it smaller, or raise the limit in a commit that says why.',
  );
  process.exit(1);
}
