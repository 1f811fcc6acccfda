/** Every failure the collector reports has a stable code; the HTTP status follows from it. */
export const ERROR_STATUS = {
  invalid_json: 400,
  invalid_body: 400,
  invalid_utf8: 400,
  unsupported_content_type: 400,
  unknown_site_key: 401,
  unauthorized: 401,
  origin_not_allowed: 403,
  forbidden: 403,
  conflict: 409,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
  invalid_config: 500,
} as const;

export type CollectorErrorCode = keyof typeof ERROR_STATUS;

export interface CollectorErrorOptions {
  /** Path of the offending field, e.g. `ratings[3].score`. */
  path?: string;
  /** Seconds the client should wait (429/503). */
  retryAfter?: number;
  cause?: unknown;
}

/** The one error class of the collector: a code, its HTTP status and an optional field path. */
export class CollectorError extends Error {
  override name = 'CollectorError' as const;
  readonly code: CollectorErrorCode;
  readonly status: number;
  readonly path: string | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: CollectorErrorCode, message: string, options: CollectorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.path = options.path;
    this.retryAfter = options.retryAfter;
  }
}

/** Cross-realm guard: `instanceof` fails when two copies of the package are loaded. */
export function isCollectorError(error: unknown): error is CollectorError {
  return (
    error instanceof CollectorError ||
    (typeof error === 'object' && error !== null && (error as Error).name === 'CollectorError')
  );
}
