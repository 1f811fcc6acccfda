import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import { declarations } from '../../scripts/dts';
import pkg from './package.json' with { type: 'json' };

// Node library: every dependency (the contract, @raaye/protocol, too) and builtin stays an
// import, resolved at run time through Node resolution.
const deps = Object.keys(pkg.dependencies);
const external = (id: string) =>
  id.startsWith('node:') ||
  builtinModules.includes(id) ||
  deps.some((d) => id === d || id.startsWith(`${d}/`));

export default defineConfig({
  resolve: { conditions: ['@raaye/source'] },
  ssr: { resolve: { conditions: ['@raaye/source'], externalConditions: ['@raaye/source'] } },
  build: {
    lib: {
      // The PGlite thread's script is an entry of its own: store/pglite-thread.ts starts it as
      // `./pglite-worker.js` beside the chunk that holds the store (every chunk is in dist/).
      entry: {
        index: 'src/index.ts',
        cli: 'src/cli.ts',
        token: 'src/token.ts',
        'pglite-worker': 'src/store/pglite-worker.ts',
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
