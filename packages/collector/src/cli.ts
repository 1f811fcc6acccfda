import { parseCli, USAGE } from './cli/args';
import { keysCommand } from './cli/keys';
import { membersCommand } from './cli/members';
import { MIGRATE_USAGE, migrateCommand } from './cli/migrate-command';
import { banner, serve } from './cli/serve';
import { isCollectorError } from './errors';
import { jsonLogger } from './log/logger';

// Entry of the `raaye-collector` bin; the build prepends the shebang.
async function main(): Promise<void> {
  if (process.argv[2] === 'migrate') {
    try {
      process.exitCode = await migrateCommand(process.argv.slice(3), process.env);
    } catch (error) {
      process.stderr.write(
        `raaye-collector migrate: ${(error as Error).message}\n\n${MIGRATE_USAGE}\n`,
      );
      process.exitCode = 1;
    }
    return;
  }
  if (process.argv[2] === 'keys') {
    process.exit(keysCommand((s) => process.stdout.write(s)));
  }
  if (process.argv[2] === 'members') {
    const code = await membersCommand(process.argv.slice(3), process.env, {
      out: (s) => process.stdout.write(s),
      err: (s) => process.stderr.write(s),
      stdin: readStdin,
    }).catch((error: unknown) => {
      process.stderr.write(
        `raaye-collector members: ${isCollectorError(error) ? error.message : String(error)}\n`,
      );
      return 1;
    });
    process.exit(code);
  }
  let options: ReturnType<typeof parseCli>;
  try {
    options = parseCli(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`raaye-collector: ${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const logger = jsonLogger((process.env.RAAYE_LOG_LEVEL as 'info' | undefined) ?? 'info');
  let running: Awaited<ReturnType<typeof serve>>;
  try {
    running = await serve(options, logger);
  } catch (error) {
    const message = isCollectorError(error) ? error.message : String(error);
    process.stderr.write(`raaye-collector: cannot start: ${message}\n`);
    process.exit(1);
  }
  process.stdout.write(`${banner(running.url, options.demo, running.sites)}\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    // A second signal is the operator insisting: go now, as SIGKILL would (the outbox is
    // durable, and leases hand unfinished deliveries to the next process).
    if (stopping) {
      logger.warn('second signal: exiting without a clean stop', { signal });
      process.exit(1);
    }
    stopping = true;
    const started = performance.now();
    logger.info('shutting down', { signal });
    running.stop().then(
      () => {
        logger.info('stopped', { ms: Math.round(performance.now() - started) });
        process.exit(0);
      },
      (error: unknown) => {
        logger.error('shutdown failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

void main();
