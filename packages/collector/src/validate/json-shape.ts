/** Keys that could reach `Object.prototype` if a consumer ever merges the object naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const MAX_DEPTH = 8;

/**
 * Checks free-form JSON (meta, traits) iteratively, so hostile nesting cannot overflow the stack
 * of a later `JSON.stringify`. Returns a reason when the value is unacceptable.
 */
export function inspectJson(value: unknown): string | undefined {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_DEPTH) return `nested deeper than ${MAX_DEPTH} levels`;
    for (const key of Object.keys(current)) {
      if (FORBIDDEN_KEYS.has(key)) return `key "${key}" is not allowed`;
      stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return undefined;
}

const encoder = new TextEncoder();

/** UTF-8 size of the JSON text, the unit the contract's byte limits use. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).byteLength;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
