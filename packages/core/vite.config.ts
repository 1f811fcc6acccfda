import { defineConfig } from 'vite';
import dts from 'vite-plugin-dts';

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
  plugins: [dts({ include: ['src'], rollupTypes: true, tsconfigPath: './tsconfig.build.json' })],
});
