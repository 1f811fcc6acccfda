/**
 * The few things the shared SQL store needs from a driver; PGlite and porsager/postgres both fit.
 * Parameters are strings, numbers, booleans or null; SQL casts them (`$1::jsonb`).
 */
export interface SqlClient {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Optional: for a driver that runs one statement at a time (PGlite's thread), how much waits
   * and whether it moves. /healthz takes any answer as a sign of life (a ping queued behind a
   * long transaction says nothing about it), and the inbox shortens its passes while others wait.
   */
  progress?(): Progress;
}

export interface Progress {
  /** Requests sent and not yet answered (in a transaction, its own statement counts). */
  waiting: number;
  /** When it last answered anything, success or error (ms since the epoch); 0 before the first. */
  answeredAt: number;
  /** How long requests have waited with no answer at all (ms); 0 while nothing waits. */
  stalledMs: number;
  /** Closed, or the thread is gone: every request fails. */
  down: boolean;
}
