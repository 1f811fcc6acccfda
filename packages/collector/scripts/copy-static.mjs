// Copies what the CLI serves into dist/static, so the published package carries it:
// the built dashboard (a private package, so it cannot be a dependency), the script-tag files
// (raaye.js, raaye.mjs and the locale packs; carried rather than depended on, so a server install
// pulls neither Preact nor the SDK's IndexedDB code) and the two demo pages. Source maps stay
// behind: they would double the tarball for files nobody debugs from it.
// Run after `vite build`, once the widget and the dashboard are built (the root build orders it).
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const pkg = join(import.meta.dirname, '..');
const repo = join(pkg, '..', '..');
const out = join(pkg, 'dist', 'static');
const noMaps = (src) => !src.endsWith('.map');

function need(path) {
  if (!existsSync(path)) {
    console.error(
      `copy-static: ${path} is missing: build @raaye/widget and @raaye/dashboard first`,
    );
    process.exit(1);
  }
  return path;
}

const widget = need(join(repo, 'packages/widget/dist/raaye.js')).replace(/raaye\.js$/, '');
const dashboard = need(join(repo, 'packages/dashboard/dist/index.html')).replace(
  /index\.html$/,
  '',
);
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'sdk'), { recursive: true });
for (const file of readdirSync(widget)) {
  if (/^raaye(\.[a-z-]+)?\.m?js$/i.test(file)) cpSync(join(widget, file), join(out, 'sdk', file));
}
cpSync(dashboard, join(out, 'dashboard'), { recursive: true, filter: noMaps });
cpSync(join(repo, 'examples/script-tag'), join(out, 'demo'), {
  recursive: true,
  filter: (src) => !src.endsWith('.md'),
});
cpSync(join(repo, 'examples/webview'), join(out, 'webview'), {
  recursive: true,
  filter: (src) => !src.endsWith('.md'),
});
