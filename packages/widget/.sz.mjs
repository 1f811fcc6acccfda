import { build } from 'vite';

for (const n of ['core', 'preact', 'preactnohooks']) {
  await build({
    root: '/work/main/packages/widget',
    configFile: false,
    logLevel: 'warn',
    resolve: { conditions: ['@raaye/source'] },
    build: {
      outDir: '/tmp/sz/out',
      emptyOutDir: false,
      target: 'es2020',
      minify: true,
      lib: { entry: `/tmp/sz/${n}.ts`, formats: ['iife'], name: 'x', fileName: () => `${n}.js` },
    },
  });
}
