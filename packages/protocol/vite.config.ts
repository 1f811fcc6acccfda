import { defineConfig } from 'vite';
import { declarations } from '../../scripts/dts';

// Plain ES modules for every runtime (browsers, Node, workers): there are no dependencies.
export default defineConfig({
  build: {
    lib: { entry: { index: 'src/index.ts' }, formats: ['es'] },
    minify: false,
    sourcemap: true,
    target: 'es2022',
  },
  plugins: [declarations({ packageDir: import.meta.dirname })],
});
