import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import { declarations } from '../../scripts/dts';
import pkg from './package.json' with { type: 'json' };

// Node library: every dependency and builtin stays an import, resolved at run time, except the
// wire contract: a few constants bundled from core's source, so the CLI never depends on
// whether core's dist happens to be built.
const deps = Object.keys(pkg.dependencies).filter((d) => d !== '@raaye/core');
const external = (id: string) =>
  id.startsWith('node:') ||
  builtinModules.includes(id) ||
  deps.some((d) => id === d || id.startsWith(`${d}/`));

export default defineConfig({
  resolve: { conditions: ['@raaye/source'] },
  ssr: { resolve: { conditions: ['@raaye/source'], externalConditions: ['@raaye/source'] } },
  build: {
    lib: {
      // `csv` is its own side-effect-free entry: the dashboard writes the same CSV in the browser.
      entry: {
        index: 'src/index.ts',
        cli: 'src/cli.ts',
        csv: 'src/export/csv.ts',
        token: 'src/token.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      external,
      output: {
        chunkFileNames: 'shared-[hash].js',
        banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
      },
    },
    ssr: true,
    minify: false,
    sourcemap: true,
    target: 'node20',
  },
  plugins: [declarations({ packageDir: import.meta.dirname, exclude: ['src/cli.ts', 'src/cli'] })],
});
