import { LIMITS, type RaterUser } from '../contract';
import { RaayeError } from '../errors/RaayeError';
import { uuidv7 } from '../id/uuidv7';
import type { StorageHandle } from '../storage/storage-handle';
import type { IdentifiedUser } from '../types';
import { checkJson, checkText } from '../validate/rating';

const ANON_KEY = 'm:anon';

export function validateUser(
  user: RaterUser | null | undefined,
  caller: string,
): RaterUser | undefined {
  if (user === null || user === undefined) return undefined;
  const error = (path: string, message: string) =>
    new RaayeError('invalid_option', `${caller}: ${path} ${message}`, { path });
  if (user.id !== undefined) checkText(user.id, 'user.id', LIMITS.raterId, true, 1, error);
  if (user.traits !== undefined) checkJson(user.traits, 'user.traits', LIMITS.traitsBytes, error);
  return user;
}

/** Who rates: the signed-in user when the site says so, else a persistent anonymous device id. */
export function createRater(store: StorageHandle, initial: RaterUser | undefined) {
  let user = initial;
  let token: string | undefined;
  // Memoised: concurrent first calls must agree on one id. `update` keeps an id that another tab
  // wrote first.
  let anonymous: Promise<string> | undefined;
  return {
    get user() {
      return user;
    },
    /** The rater token of the identified user, sent with each rating. */
    get token() {
      return token;
    },
    identify(next: IdentifiedUser | null) {
      const { token: nextToken, ...rest } = next ?? {};
      if (nextToken !== undefined && (typeof nextToken !== 'string' || nextToken.length > 1024)) {
        throw new RaayeError('invalid_option', 'identify(): token must be a string', {
          path: 'token',
        });
      }
      user = validateUser(next === null ? null : rest, 'identify()');
      token = nextToken;
    },
    id(): Promise<string> {
      if (user?.id) return Promise.resolve(user.id);
      anonymous ??= store
        .update<string>(ANON_KEY, (existing) => existing ?? `anon_${uuidv7()}`)
        .then((id) => id as string);
      return anonymous;
    },
  };
}
