import type { Collector } from '../../src/collector';
import { memberStore } from '../../src/members/member-store';
import { hashPassword } from '../../src/members/password';
import type { Role } from '../../src/members/roles';
import type { Store } from '../../src/store/types';

export const PASSWORD = 'correct horse battery';
// Seeded members get a cheap hash so the suite stays fast on a loaded machine; the API's own
// hashing (members added through it) keeps the real cost.
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

/** Adds a member straight in the store, as `raaye-collector members add` does. */
export async function seedMember(store: Store, siteId: string, email: string, role: Role) {
  const member = await memberStore(store.sql).add(
    siteId,
    { email, name: email.split('@')[0]!, role, passwordHash: await hashPassword(PASSWORD, CHEAP) },
    new Date().toISOString(),
  );
  if (!member) throw new Error(`could not add ${email}`);
  return member;
}

/** A signed-in browser: the cookie and the CSRF token, sent the way the dashboard sends them. */
export interface Browser {
  cookie: string;
  csrf: string;
  call(
    path: string,
    init?: {
      method?: string;
      body?: unknown;
      csrf?: string | null;
      headers?: Record<string, string>;
    },
  ): Promise<Response>;
}

export async function signIn(handler: Collector, email: string, site?: string): Promise<Browser> {
  const response = await handler(
    new Request('http://collector.test/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD, ...(site ? { site } : {}) }),
    }),
  );
  if (response.status !== 200)
    throw new Error(`sign-in ${response.status}: ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrf } = (await response.json()) as { csrf: string };
  return {
    cookie,
    csrf,
    call(path, init = {}) {
      const method = init.method ?? 'GET';
      const headers: Record<string, string> = { cookie, ...init.headers };
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const token = init.csrf === undefined ? csrf : init.csrf;
      if (method !== 'GET' && token !== null) headers['x-raaye-csrf'] = token;
      return handler(
        new Request(`http://collector.test${path}`, {
          method,
          headers,
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        }),
      );
    },
  };
}
