import type { SqlClient } from '../store/sql-client';
import { memberStore } from './member-store';
import { sessionStore } from './session-store';
import { tokenStore } from './token-store';

/** The team inbox's tables, on the store's own client. */
export function createTeam(db: SqlClient) {
  return { db, members: memberStore(db), sessions: sessionStore(db), tokens: tokenStore(db) };
}

export type Team = ReturnType<typeof createTeam>;
