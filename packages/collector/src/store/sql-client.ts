/**
 * The few things the shared SQL store needs from a driver; PGlite and porsager/postgres both fit.
 * Parameters are strings, numbers, booleans or null; SQL casts them (`$1::jsonb`).
 */
export interface SqlClient {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
