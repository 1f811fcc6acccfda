import { RaayeError } from '@raaye/core';
import { LIMITS, SCALES } from '@raaye/core/contract';
import type { MountOptions, PromptConfig } from './types';

const LAYOUTS = ['modal', 'sheet', 'inline'];
const THEMES = ['auto', 'light', 'dark'];

const check = (ok: unknown, path: string, what: string) => {
  if (!ok)
    throw new RaayeError('invalid_option', `@raaye/widget: \`${path}\` must be ${what}.`, { path });
};

/**
 * Throw a RaayeError (`invalid_option`) naming the first bad option. `siteKey` and `endpoint` are
 * checked by core's createClient, with the same kind of error.
 */
export function validateMountOptions(o: MountOptions): void {
  check(o?.client || o?.siteKey, 'siteKey', 'your public "pk_…" key (or pass `client`)');
  check(o.layout === undefined || LAYOUTS.includes(o.layout), 'layout', LAYOUTS.join(' | '));
  check(o.theme === undefined || THEMES.includes(o.theme), 'theme', THEMES.join(' | '));
}

/** Prompts come from page code, the script queue and storage: check them the same way. */
export function validatePrompt(p: PromptConfig): void {
  const id = p?.interactionId;
  check(
    typeof id === 'string' && id && id.length <= LIMITS.interactionId,
    'interactionId',
    `a string of 1–${LIMITS.interactionId} characters`,
  );
  check(p.scale === undefined || p.scale in SCALES, 'scale', Object.keys(SCALES).join(' | '));
  const img = p.subject?.image;
  check(img === undefined || safeImage(img), 'subject.image', 'an https: or relative URL');
}

/**
 * Pictures come from config that may carry user data: only `https:` or same-origin relative URLs,
 * so no `data:`, `javascript:`, plain-http or protocol-relative (`//host`) source gets in.
 */
function safeImage(src: unknown): boolean {
  if (typeof src !== 'string') return false;
  try {
    // Parsed as the browser will (whitespace, backslashes, `//host`); a relative URL lands on the
    // placeholder base, anything absolute must be https.
    const u = new URL(src, 'http://relative.invalid/');
    return u.protocol === 'https:' || u.host === 'relative.invalid';
  } catch {
    return false;
  }
}
