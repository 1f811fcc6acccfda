/** What a member may do on their site (the rule itself, `roleAllows`, lives in the collector). */
export type Role = 'owner' | 'agent' | 'viewer';
export const ROLES: readonly Role[] = ['owner', 'agent', 'viewer'];

/** A member of a site's team, as `GET /v1/members` and `GET /v1/session` send it. */
export interface Member {
  id: string;
  siteId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

/**
 * A signed-in member's session as `POST /v1/session` and `GET /v1/session` send it: who, on
 * which site, and the CSRF token every change must carry (`X-Raaye-CSRF`). The cookie itself is
 * never in the body.
 */
export interface Session {
  member: Member;
  site: string;
  csrf: string;
  expiresAt: string;
}

/** Who did something: a signed-in member, an API token, the site's secret key, or the collector. */
export interface Actor {
  kind: 'member' | 'token' | 'secret' | 'system';
  /** Member or token id; null for the secret key and the system. */
  id: string | null;
  /** Shown in the log; kept as it was at the time (a renamed member keeps old entries). */
  name: string;
}

/** One line of the activity log (`GET /v1/activity`, and a follow-up's history). */
export interface ActivityEntry {
  seq: string;
  ratingId: string | null;
  actor: Actor;
  /** e.g. `member.added`, `followup.assigned`, `followup.note`, `followup.replied`. */
  action: string;
  detail: Record<string, unknown> | null;
  at: string;
}

/** `read`: what a viewer sees. `full`: what an agent does. Neither manages members or tokens. */
export type TokenScope = 'read' | 'full';

/** A scoped API token as `GET /v1/tokens` sends it: never its secret. */
export interface ApiToken {
  id: string;
  siteId: string;
  name: string;
  scope: TokenScope;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
}
