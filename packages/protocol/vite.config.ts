import { sep } from 'node:path';
import { defineConfig } from 'vite';
import dts from 'vite-plugin-dts';

// Plain ES modules for every runtime (browsers, Node, workers): no dependencies to leave out.
export default defineConfig({
  build: {
    lib: { entry: { index: 'src/index.ts' }, formats: ['es'] },
    minify: false,
    sourcemap: true,
    target: 'es2022',
  },
  plugins: [
    dts({
      include: ['src'],
      // Per-file declarations: rollupTypes emits an empty `export {}` with this toolchain.
      beforeWriteFile: (filePath, content) => ({
        filePath: filePath.replace(`${sep}dist${sep}src${sep}`, `${sep}dist${sep}`),
        content,
      }),
      tsconfigPath: './tsconfig.build.json',
    }),
  ],
});
