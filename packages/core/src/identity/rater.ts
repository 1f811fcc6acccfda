import { LIMITS, type RaterUser } from '../contract';
import { RaayeError } from '../errors/RaayeError';
import { uuidv7 } from '../id/uuidv7';
import type { StorageHandle } from '../storage/storage-handle';
import type { IdentifiedUser } from '../types';
import { checkJson, checkText } from '../validate/rating';

const ANON_KEY = 'm:anon';

/**
 * Splits what `identify()` (or `createClient({ user })`) was given into the user and the rater
 * token, checking both. The token travels beside the user, never inside it: it must not reach
 * `rating.user`.
 */
function splitUser(
  next: IdentifiedUser | null | undefined,
  caller: string,
): [RaterUser | undefined, string | undefined] {
  if (!next) return [undefined, undefined];
  const error = (path: string, message: string) =>
    new RaayeError('invalid_option', `${caller}: ${path} ${message}`, { path });
  const { token, ...user } = next;
  if (user.id !== undefined) checkText(user.id, 'user.id', LIMITS.raterId, true, 1, error);
  if (user.traits !== undefined) checkJson(user.traits, 'user.traits', LIMITS.traitsBytes, error);
  if (token !== undefined) checkText(token, 'token', LIMITS.token, true, 1, error);
  return [user, token];
}

/** Who rates: the signed-in user when the site says so, else a persistent anonymous device id. */
export function createRater(store: StorageHandle, initial: IdentifiedUser | undefined) {
  let [user, token] = splitUser(initial, 'createClient()');
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
      [user, token] = splitUser(next, 'identify()');
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
