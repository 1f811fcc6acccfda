import { LIMITS } from '../limits';

/** Keys that could reach `Object.prototype` if a consumer ever merges the object naively. */
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

// PostgreSQL text and jsonb cannot hold NUL, and jsonb refuses lone surrogates.
export const UNSTORABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching NUL is the point.
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const encoder = new TextEncoder();

/** UTF-8 bytes of the JSON text of `value`: the unit every byte limit of the contract uses. */
export const jsonBytes = (value: unknown): number =>
  encoder.encode(JSON.stringify(value) ?? '').length;

/**
 * Why free-form JSON (`meta`, `user.traits`) cannot be stored, or undefined: nested deeper than
 * `LIMITS.jsonDepth`, a forbidden key, or a string or key with NUL or a lone surrogate. Walks
 * iteratively, so hostile nesting cannot overflow the stack.
 */
export function inspectJson(value: unknown): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) return 'contains NUL or a lone surrogate';
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= LIMITS.jsonDepth) return `nested deeper than ${LIMITS.jsonDepth} levels`;
    for (const key of Object.keys(current)) {
      if (FORBIDDEN_KEYS.includes(key) || UNSTORABLE.test(key))
        return `key "${key}" is not allowed`;
      stack.push([(current as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return undefined;
}
