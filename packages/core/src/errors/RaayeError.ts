export type RaayeErrorCode =
  | 'invalid_option'
  | 'invalid_rating'
  | 'invalid_prompt'
  | 'already_rated'
  | 'queue_full'
  | 'storage_failed'
  | 'collector_unreachable'
  | 'destroyed';

/**
 * The one error class of the SDK. `code` is stable and machine-readable; `message` says what was
 * wrong and how to fix it; `path` names the offending field where there is one.
 */
export class RaayeError extends Error {
  override readonly name = 'RaayeError' as const;
  readonly code: RaayeErrorCode;
  readonly path: string | undefined;

  constructor(code: RaayeErrorCode, message: string, options?: { path?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options?.path;
  }
}

/** Works across realms (iframes, webviews), where `instanceof` does not. */
export function isRaayeError(value: unknown): value is RaayeError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { name?: unknown }).name === 'RaayeError'
  );
}
