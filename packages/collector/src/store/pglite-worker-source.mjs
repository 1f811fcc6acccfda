// Starts pglite-worker.ts from source (tests, benches, `startCollectorCli({ source: true })`).
// Node 20 does not give a worker thread the main thread's TypeScript loader (`--import tsx` in
// a worker's execArgv is ignored too), so the worker registers tsx itself. The build ships
// pglite-worker.js instead, and never this file.
import { register } from 'tsx/esm/api';

register();
await import('./pglite-worker.ts');
