import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import dts from 'vite-plugin-dts';

/**
 * Per-file declarations that work under every `moduleResolution` a consumer may use (bundler,
 * node16, nodenext). Our packages are `"type": "module"`, so node16/nodenext read each `.d.ts`
 * as ESM, where a relative import needs its extension (TS2834) — but the source imports are
 * extensionless (bundler style). So each relative specifier is rewritten to the `.js` file the
 * declaration stands for (`./x` → `./x.js` or `./x/index.js`), judged against the source tree.
 * Why not `rollupTypes`: with this toolchain api-extractor emits an empty `export {}` for core.
 */
export function declarations(options: { packageDir: string; exclude?: string[] }) {
  const pkg = options.packageDir;
  const src = join(pkg, 'src');
  const dist = join(pkg, 'dist');
  return dts({
    include: ['src'],
    exclude: options.exclude ?? [],
    entryRoot: 'src',
    // Workspace `paths` only point the checker at sibling sources; keep `@raaye/*` imports bare.
    pathsToAliases: false,
    tsconfigPath: join(pkg, 'tsconfig.build.json'),
    beforeWriteFile(filePath: string, content: string) {
      // Sibling packages' sources checked through `paths` are not ours to emit.
      if (!filePath.startsWith(dist + sep)) return false;
      const from = dirname(join(src, relative(dist, filePath)));
      return { filePath, content: withExtensions(content, from) };
    },
  });
}

const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

/** `./x` → `./x.js` (src/x.ts[x]) or `./x/index.js` (src/x/index.ts[x]); others unchanged. */
export function withExtensions(content: string, sourceDir: string): string {
  return content.replace(SPECIFIER, (whole, lead: string, quote: string, spec: string) => {
    if (/\.(m?js|json)$/.test(spec)) return whole;
    const base = join(sourceDir, spec);
    const file = ['.ts', '.tsx'].some((ext) => existsSync(base + ext));
    const index = ['.ts', '.tsx'].some((ext) => existsSync(join(base, `index${ext}`)));
    if (!file && !index) throw new Error(`declarations: cannot resolve ${spec} from ${sourceDir}`);
    return `${lead}${quote}${file ? `${spec}.js` : `${spec}/index.js`}${quote}`;
  });
}
