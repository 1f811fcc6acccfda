/** `network` when no answer came back; otherwise the collector's error code. */
export type ApiErrorCode = 'network' | 'unauthorized' | 'invalid_response' | (string & {});

/** Every failed API call rejects with this: the HTTP status (0 without an answer) and a code. */
export class ApiError extends Error {
  override name = 'ApiError' as const;
  readonly status: number;
  readonly code: ApiErrorCode;
  /** With `site_required`: the sites this e-mail and password open. */
  readonly sites: string[] | undefined;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    options?: { cause?: unknown; sites?: string[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.code = code;
    this.sites = options?.sites;
  }
}

/** Cross-realm guard: compares `name` because `instanceof` fails across copies of the module. */
export function isApiError(error: unknown): error is ApiError {
  return (
    error instanceof ApiError ||
    (typeof error === 'object' && error !== null && (error as Error).name === 'ApiError')
  );
}
