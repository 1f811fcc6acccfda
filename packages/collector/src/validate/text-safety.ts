// PostgreSQL text and jsonb cannot hold NUL, and jsonb rejects lone surrogates: both must be
// caught here, as a 4xx, instead of surfacing as a database error (a 5xx).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching NUL is the point.
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/** Walks any parsed JSON iteratively; returns the path of the first unstorable string or key. */
export function findUnsafeText(
  value: unknown,
  root: string,
): { path: string; message: string } | undefined {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: root }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (UNSAFE.test(current))
        return { path, message: `${path}: contains NUL or a lone surrogate` };
    } else if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++)
        stack.push({ value: current[i], path: `${path}[${i}]` });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const child = `${path}.${key}`;
        if (UNSAFE.test(key))
          return { path: child, message: `${child}: key contains NUL or a lone surrogate` };
        stack.push({ value: item, path: child });
      }
    }
  }
  return undefined;
}

/**
 * Text people typed can arrive with a lone surrogate (an emoji cut at a length limit) or a NUL,
 * neither of which PostgreSQL stores. In `comment` and `tags` they are repaired, as text decoders
 * do, with U+FFFD — rather than losing the whole rating. Identifiers are never repaired: changing
 * one would change what it identifies, so those are still refused by `findUnsafeText`.
 */
export function repairFreeText(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const rating = raw as Record<string, unknown>;
  const repair = (value: unknown) =>
    typeof value === 'string' ? value.replace(UNSAFE_ALL, '\uFFFD') : value;
  const repaired = { ...rating };
  if (typeof rating.comment === 'string') repaired.comment = repair(rating.comment);
  if (Array.isArray(rating.tags)) repaired.tags = rating.tags.map(repair);
  return repaired;
}
