/**
 * `rate()` to durable: how long until the rating is committed to storage, over 1,000 calls.
 * Runs in real Chromium IndexedDB when Debian's chromium is installed, and always in Node with
 * fake-indexeddb (a different engine: compare runs of the same kind only). Prints, asserts nothing.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { CHROMIUM_PATH, launchChromium } from '@raaye/test-utils/chromium';
import { build } from 'esbuild';

const CALLS = 1000;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const summary = (label: string, samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const f = (n: number) => `${n.toFixed(3)} ms`;
  console.log(
    `${label.padEnd(40)} median ${f(percentile(sorted, 50))}  p99 ${f(percentile(sorted, 99))}  n=${samples.length}`,
  );
};

type CreateClient = typeof import('../src/index').createClient;

/** The benchmark itself; runs in Node as is, and in the page from its source text. */
async function measureRate(createClient: CreateClient, calls: number): Promise<number[]> {
  const client = createClient({
    siteKey: 'pk_bench',
    endpoint: 'https://collector.invalid',
    storage: 'indexeddb',
    // Never answers: measures the durable write, not the network.
    transport: () => new Promise(() => {}),
    queue: { maxItems: 100_000, maxBytes: 1e9 },
  });
  await client.storage();
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    await client.rate({
      interactionId: `ride-${i}`,
      scale: 'stars5',
      score: 1 + (i % 5),
      tags: ['late'],
      comment: 'Driver was friendly',
    });
    samples.push(performance.now() - start);
  }
  client.destroy();
  return samples;
}

async function inNode() {
  // Side-effect entry with no type declarations; the string cast keeps tsc from looking for them.
  await import('fake-indexeddb/auto' as string);
  const { createClient } = (await import(
    '../dist/index.js' as string
  )) as typeof import('../src/index');
  summary('Node 20 + fake-indexeddb', await measureRate(createClient, CALLS));
}

async function inChromium() {
  const bundle = await build({
    entryPoints: [new URL('../dist/index.js', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
  });
  const page = `<!doctype html><script type="module" src="/bench.js"></script>`;
  const script = `import { createClient } from '/core.js';
    // tsx compiles with keepNames, whose helper the function's source refers to.
    const __name = (fn) => fn;
    window.result = (${measureRate.toString()})(createClient, ${CALLS});`;
  const server = createServer((req, res) => {
    const body =
      req.url === '/core.js'
        ? bundle.outputFiles[0]!.text
        : req.url === '/bench.js'
          ? script
          : page;
    res.writeHead(200, {
      'content-type': req.url?.endsWith('.js') ? 'text/javascript' : 'text/html',
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${port}/`);
    const samples = (await tab.evaluate('window.result')) as number[];
    summary(`Chromium ${browser.version()} IndexedDB`, samples);
  } finally {
    await browser.close();
    server.close();
  }
}

console.log(
  `rate() → durable, ${CALLS} sequential calls · ${cpus().length} × ${cpus()[0]?.model} · Node ${process.version}`,
);
if (existsSync(CHROMIUM_PATH)) await inChromium();
else console.log(`(${CHROMIUM_PATH} not found: skipping the real-browser run)`);
await inNode();
