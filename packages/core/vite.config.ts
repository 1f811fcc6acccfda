import { defineConfig } from 'vite';
import { declarations } from '../../scripts/dts';

export default defineConfig({
  build: {
    lib: {
      entry: { index: 'src/index.ts', contract: 'src/contract.ts' },
      formats: ['es'],
    },
    rollupOptions: { external: ['idb-keyval', '@raaye/protocol'] },
    minify: false,
    sourcemap: true,
    target: 'es2022',
  },
  plugins: [declarations({ packageDir: import.meta.dirname })],
});
