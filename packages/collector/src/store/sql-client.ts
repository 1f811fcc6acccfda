/**
 * The few things the shared SQL store needs from a driver; PGlite and porsager/postgres both fit.
 * Parameters are strings, numbers, booleans or null; SQL casts them (`$1::jsonb`).
 */
export interface SqlClient {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * `COPY table (columns) FROM STDIN WITH (FORMAT csv)` of `csv`, one statement, atomic. Optional:
   * only drivers that speak the COPY sub-protocol offer it (porsager/postgres); callers keep a
   * plain-SQL path for the others.
   */
  copyCsv?(table: string, columns: readonly string[], csv: string): Promise<void>;
}
