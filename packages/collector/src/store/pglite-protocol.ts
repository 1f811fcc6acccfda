/**
 * Messages between the collector and its PGlite thread (pglite-thread.ts ⇄ pglite-worker.ts).
 * Everything crosses by structured clone, so rows keep their Dates, bigints and parsed JSON.
 */

/** What the collector asks. `id` names the reply; `tx` the transaction a query runs in. */
export type PgliteRequest =
  | { op: 'query'; id: number; text: string; params: unknown[]; tx?: number }
  /** Holds the connection for a transaction; its reply's id is the transaction's id. */
  | { op: 'begin'; id: number }
  | { op: 'commit' | 'rollback'; id: number; tx: number }
  | { op: 'close'; id: number };

/** The thread's answer to request `id`: a value, or the error it threw, flattened. */
export type PgliteReply = { id: number; value?: unknown } | { id: number; error: FlatError };

/** Sent once, after PGlite opened (`ready`) or failed to. */
export type PgliteStarted = { started: true } | { started: false; error: FlatError };

/**
 * An Error as data. Structured clone keeps an Error's message but drops its own fields, and
 * PGlite's DatabaseError carries the SQLSTATE (`code`), `detail`, `constraint`, … in them.
 */
export interface FlatError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, string | number | boolean>;
}

export function flatten(error: unknown): FlatError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: FlatError['fields'] = {};
  for (const [key, value] of Object.entries(error)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

export function unflatten(flat: FlatError): Error {
  const error = Object.assign(new Error(flat.message), flat.fields);
  error.name = flat.name;
  // The worker's stack says where PGlite failed; the caller's own stack is lost either way.
  if (flat.stack) error.stack = flat.stack;
  return error;
}
