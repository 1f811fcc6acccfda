import { LIMITS } from '../limits';

// BCP 47 shape only (language, then script, region, variants, extensions); the registry itself
// is not checked, so a new region or variant never needs an SDK release.
const LOCALE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/** Whether `tag` has the shape of a BCP 47 language tag of at most `LIMITS.locale` characters. */
export const isLocale = (tag: unknown): tag is string =>
  typeof tag === 'string' && tag.length <= LIMITS.locale && LOCALE.test(tag);

/**
 * Turns the POSIX locale names that platforms hand out (`en_US`, `en_US.UTF-8`, `de_DE@euro`)
 * into BCP 47 (`en-US`, `de-DE`). Anything else comes back unchanged, to be checked by `isLocale`.
 */
export const normalizeLocale = (tag: string): string =>
  tag.replace(/[.@].*/, '').replace(/_/g, '-');
