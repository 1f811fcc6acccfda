import { type Route, team } from '../routes/router';
import { addMember, listMembers, removeMember, siteActivity, updateMember } from './member-routes';
import { currentSession, signIn, signOut } from './session-routes';
import { createToken, listTokens, revokeToken } from './token-routes';

/** Routes of members, sessions and tokens; undefined when the path is not one of them. */
export function matchMemberRoute(
  path: string,
  decode: (s: string) => string | undefined,
): Route | undefined {
  switch (path) {
    case '/v1/session':
      return { POST: team(signIn), GET: team(currentSession), DELETE: team(signOut) };
    case '/v1/members':
      return { GET: team(listMembers), POST: team(addMember) };
    case '/v1/tokens':
      return { GET: team(listTokens), POST: team(createToken) };
    case '/v1/activity':
      return { GET: team(siteActivity) };
  }
  const member = /^\/v1\/members\/([^/]+)$/.exec(path);
  const memberId = member && decode(member[1]!);
  if (memberId) {
    return {
      PATCH: team((ctx) => updateMember(ctx, memberId)),
      DELETE: team((ctx) => removeMember(ctx, memberId)),
    };
  }
  const token = /^\/v1\/tokens\/([^/]+)$/.exec(path);
  const tokenId = token && decode(token[1]!);
  if (tokenId) return { DELETE: team((ctx) => revokeToken(ctx, tokenId)) };
  return undefined;
}
