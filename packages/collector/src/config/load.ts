import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import type { MailConfig } from '../destinations/email';
import { CollectorError } from '../errors';
import { addressResolver, type TrustProxy } from '../http/client-address';
import type { DeliveryOptions } from '../outbox/worker';
import { issuePath } from '../validate/issue-path';
import { resolveSites } from './sites';
import type { SiteInput } from './types';

export interface FileConfig {
  /** Validated, as written: `createCollector` completes them. */
  sites: SiteInput[];
  basePath?: string;
  trustProxy?: TrustProxy;
  /** As `createCollector`: delivery worker tuning. */
  delivery?: DeliveryOptions;
  /** As `createCollector`: SMTP for e-mail destinations. */
  mail?: MailConfig;
  /** As `createCollector`: base of rating links and of links to follow-ups. */
  publicUrl?: string;
}

const count = (min: number) => v.optional(v.pipe(v.number(), v.integer(), v.minValue(min)));
const OutboxFileSchema = v.object({
  delivery: v.optional(
    v.strictObject({
      enabled: v.optional(v.boolean()),
      concurrencyPerDestination: count(1),
      concurrency: count(1),
      timeoutMs: count(100),
      baseDelayMs: count(1),
      maxDelayMs: count(1),
      maxAgeMs: count(1),
      disableAfter: count(1),
      disableAfterMs: count(0),
      pollMs: count(10),
    }),
  ),
  mail: v.optional(
    v.strictObject({
      smtp: v.pipe(v.string(), v.regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')),
      from: v.pipe(v.string(), v.minLength(3), v.maxLength(320)),
    }),
  ),
  publicUrl: v.optional(
    v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//, 'must be an http(s) URL')),
  ),
});

/**
 * Reads a JSON config file: `{ "sites": [...], "basePath"?: "/raaye", "trustProxy"?: false }`.
 * Throws `invalid_config` with the file name and the bad field.
 */
export async function loadConfigFile(path: string): Promise<FileConfig> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new CollectorError(
      'invalid_config',
      `cannot read config ${path}: ${(cause as Error).message}`,
      { cause },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || !('sites' in parsed)) {
    throw new CollectorError('invalid_config', `${path}: expected an object with "sites"`);
  }
  const { sites, basePath, trustProxy } = parsed as Record<string, unknown>;
  if (
    basePath !== undefined &&
    (typeof basePath !== 'string' || !/^(\/[\w.-]+)*$/.test(basePath))
  ) {
    throw new CollectorError('invalid_config', `${path}: basePath must look like /raaye`);
  }
  const proxyOk =
    trustProxy === undefined ||
    typeof trustProxy === 'boolean' ||
    typeof trustProxy === 'number' ||
    (Array.isArray(trustProxy) && trustProxy.every((p) => typeof p === 'string'));
  if (!proxyOk) {
    throw new CollectorError(
      'invalid_config',
      `${path}: trustProxy must be a boolean, a hop count or a list of proxy addresses`,
    );
  }
  const outbox = v.safeParse(OutboxFileSchema, parsed);
  if (!outbox.success) {
    const issue = outbox.issues[0];
    throw new CollectorError('invalid_config', `${path}: ${issuePath(issue)}: ${issue.message}`);
  }
  try {
    addressResolver(trustProxy as TrustProxy | undefined); // validates
    return {
      ...outbox.output,
      // Validated here so a typo names the file; completed once, by createCollector.
      sites: validated(sites),
      ...(basePath === undefined ? {} : { basePath: basePath as string }),
      ...(trustProxy === undefined ? {} : { trustProxy: trustProxy as TrustProxy }),
    };
  } catch (error) {
    if (error instanceof CollectorError)
      throw new CollectorError('invalid_config', `${path}: ${error.message}`);
    throw error;
  }
}

/**
 * Sites from the environment: `RAAYE_SITES` (a JSON array of sites), or one site from
 * `RAAYE_SITE_KEY`, `RAAYE_SECRET_KEY`, `RAAYE_ALLOWED_ORIGINS` (comma-separated) and
 * optionally `RAAYE_SITE_ID` (default `default`). Returns [] when none are set.
 */
export function sitesFromEnv(env: Record<string, string | undefined> = process.env): SiteInput[] {
  if (env.RAAYE_SITES) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.RAAYE_SITES);
    } catch (cause) {
      throw new CollectorError(
        'invalid_config',
        `RAAYE_SITES is not JSON: ${(cause as Error).message}`,
      );
    }
    return withPrefix('RAAYE_SITES', () => validated(parsed));
  }
  if (!env.RAAYE_SITE_KEY && !env.RAAYE_SECRET_KEY) return [];
  return withPrefix('RAAYE_SITE_KEY/RAAYE_SECRET_KEY', () =>
    validated([
      {
        id: env.RAAYE_SITE_ID ?? 'default',
        siteKey: env.RAAYE_SITE_KEY,
        secretKey: env.RAAYE_SECRET_KEY,
        allowedOrigins: (env.RAAYE_ALLOWED_ORIGINS ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      },
    ]),
  );
}

/** Checks sites as `resolveSites` does and returns them unchanged (resolving twice is not idempotent). */
function validated(input: unknown): SiteInput[] {
  resolveSites(input);
  return input as SiteInput[];
}

function withPrefix<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof CollectorError)
      throw new CollectorError('invalid_config', `${prefix}: ${error.message}`);
    throw error;
  }
}
