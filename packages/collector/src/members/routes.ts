import type { Route } from '../routes/router';
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
      return { methods: { POST: signIn, GET: currentSession, DELETE: signOut } };
    case '/v1/members':
      return { methods: { GET: listMembers, POST: addMember } };
    case '/v1/tokens':
      return { methods: { GET: listTokens, POST: createToken } };
    case '/v1/activity':
      return { methods: { GET: siteActivity } };
  }
  const member = /^\/v1\/members\/([^/]+)$/.exec(path);
  const memberId = member && decode(member[1]!);
  if (memberId) {
    return {
      methods: {
        PATCH: (ctx) => updateMember(ctx, memberId),
        DELETE: (ctx) => removeMember(ctx, memberId),
      },
    };
  }
  const token = /^\/v1\/tokens\/([^/]+)$/.exec(path);
  const tokenId = token && decode(token[1]!);
  if (tokenId) return { methods: { DELETE: (ctx) => revokeToken(ctx, tokenId) } };
  return undefined;
}
