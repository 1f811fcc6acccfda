import { parseArgs } from 'node:util';

export interface CliOptions {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  config: string | undefined;
  demo: boolean;
  help: boolean;
}

export const USAGE = `Usage: raaye-collector [options]
       raaye-collector keys      print a new site key / secret key pair
       raaye-collector members   manage dashboard members (add, list, remove)
       raaye-collector migrate --database-url <url>   copy a PGlite directory into PostgreSQL

  --port <n>            port to listen on (default 8787, env PORT)
  --host <addr>         address to bind (default 127.0.0.1, env HOST)
  --data-dir <dir>      PGlite data directory (default .raaye-data)
  --database-url <url>  use PostgreSQL instead of PGlite (env RAAYE_DATABASE_URL, DATABASE_URL)
  --config <file>       JSON config with "sites" (env RAAYE_CONFIG)
  --demo                add a demo site (pk_demo / sk_demo) and serve the example page
  -h, --help            show this help

  raaye-collector members add|list|remove …   manage dashboard members (see members --help)

Sites can also come from RAAYE_SITES (JSON array) or RAAYE_SITE_KEY, RAAYE_SECRET_KEY and
RAAYE_ALLOWED_ORIGINS (comma-separated).`;

/** Parses argv; throws a TypeError with a readable message on bad input. */
export function parseCli(argv: string[], env: Record<string, string | undefined>): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      config: { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const portText = values.port ?? env.PORT ?? '8787';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535) throw new TypeError(`invalid --port "${portText}"`);
  return {
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    dataDir: values['data-dir'] ?? '.raaye-data',
    databaseUrl: values['database-url'] ?? env.RAAYE_DATABASE_URL ?? env.DATABASE_URL,
    config: values.config ?? env.RAAYE_CONFIG,
    demo: values.demo ?? false,
    help: values.help ?? false,
  };
}
