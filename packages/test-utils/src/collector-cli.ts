import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { mustExist } from './built';

const COLLECTOR = join(import.meta.dirname, '..', '..', 'collector');

/** The workspace collector's built bin, the file `raaye-collector` runs once installed. */
export const COLLECTOR_CLI = join(COLLECTOR, 'dist', 'cli.js');

export interface CliOptions {
  /** Arguments after the script (`--demo`, `--config …`, `--data-dir …`). `--port 0` is added. */
  args?: string[];
  /** Added to a copy of process.env, whose RAAYE_SITES / RAAYE_SITE_KEY are cleared first. */
  env?: Record<string, string>;
  /** Another bin to run, e.g. the one a packed tarball installed into a temp project. */
  cli?: string;
  /** Run the TypeScript source through tsx instead of the build (the collector's own tests). */
  source?: boolean;
  cwd?: string;
  /** How long to wait for the "listening on" line; PGlite takes seconds on a loaded box. */
  timeoutMs?: number;
}

export interface RunningCli {
  /** `http://127.0.0.1:<port>`, from the start-up banner. */
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr, interleaved). */
  output(): string;
  /** SIGTERM, then the exit code (0 is a clean shutdown). */
  stop(): Promise<number | null>;
}

function spawnCli(options: CliOptions, port: string[]): ChildProcess {
  const script = options.source
    ? ['--conditions=@raaye/source', '--import', 'tsx', join(COLLECTOR, 'src', 'cli.ts')]
    : [mustExist(options.cli ?? COLLECTOR_CLI, 'run `pnpm build` first')];
  return spawn(process.execPath, [...script, ...port, ...(options.args ?? [])], {
    cwd: options.cwd ?? COLLECTOR,
    env: { ...process.env, RAAYE_SITES: '', RAAYE_SITE_KEY: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * The one way tests and benches start the collector CLI: on 127.0.0.1 and a free port (`--port 0`),
 * resolving once the banner names its URL and /healthz answers; rejects with the output if it
 * exits first or takes longer than `timeoutMs`.
 */
export async function startCollectorCli(options: CliOptions = {}): Promise<RunningCli> {
  const child = spawnCli(options, ['--host', '127.0.0.1', '--port', '0']);
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`collector did not start in ${options.timeoutMs ?? 120_000} ms:\n${log}`));
    }, options.timeoutMs ?? 120_000);
    const onData = () => {
      const match = /listening on (http:\/\/\S+)/.exec(log);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(match[1]!);
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`collector exited with ${code} before listening:\n${log}`));
    });
  });
  const health = await fetch(`${url}/healthz`);
  if (!health.ok) throw new Error(`collector /healthz answered ${health.status}:\n${log}`);
  return {
    url,
    child,
    output: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Runs the CLI to completion (bad configs, `keys`, `--help`): its exit code and output. */
export async function runCollectorCli(
  options: CliOptions = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(options, []);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  // 'close', not 'exit': output may still be buffered in the pipes when the process exits.
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, stdout, stderr };
}
