import { RaayeError } from '@raaye/core';
import { LIMITS, SCALES } from '@raaye/core/contract';
import type { MountOptions, PromptConfig } from './types';

const LAYOUTS = ['modal', 'sheet', 'inline'];
const THEMES = ['auto', 'light', 'dark'];

const bad = (path: string, message: string) =>
  new RaayeError('invalid_option', `@raaye/widget: ${message}`, { path });

/** Throw a RaayeError (`invalid_option`) naming the first bad option and how to fix it. */
export function validateMountOptions(o: MountOptions): void {
  if (!o || typeof o !== 'object') throw bad('', 'mount() expects an options object.');
  if (!o.client) {
    if (typeof o.siteKey !== 'string' || !o.siteKey)
      throw bad('siteKey', 'pass `client`, or `siteKey` (your public "pk_…" key) and `endpoint`.');
    if (typeof o.endpoint !== 'string' || !/^https?:\/\//.test(o.endpoint))
      throw bad(
        'endpoint',
        `\`endpoint\` must be the collector's http(s) URL, got ${JSON.stringify(o.endpoint)}.`,
      );
  }
  if (o.layout !== undefined && !LAYOUTS.includes(o.layout))
    throw bad('layout', `\`layout\` must be one of ${LAYOUTS.join(', ')}.`);
  if (o.theme !== undefined && !THEMES.includes(o.theme))
    throw bad('theme', `\`theme\` must be one of ${THEMES.join(', ')}.`);
  if (o.target !== undefined && !(o.target instanceof HTMLElement))
    throw bad('target', '`target` must be an element.');
}

/** Prompts come from page code, the script queue and storage: check them the same way. */
export function validatePrompt(p: PromptConfig): void {
  if (!p || typeof p !== 'object') throw bad('prompt', 'ask() expects a prompt object.');
  const id = p.interactionId;
  if (typeof id !== 'string' || id.length < 1 || id.length > LIMITS.interactionId)
    throw bad(
      'interactionId',
      `\`interactionId\` must be a string of 1–${LIMITS.interactionId} characters.`,
    );
  if (p.scale !== undefined && !(p.scale in SCALES))
    throw bad('scale', `\`scale\` must be one of ${Object.keys(SCALES).join(', ')}.`);
  if (p.layout !== undefined && !LAYOUTS.includes(p.layout))
    throw bad('layout', `\`layout\` must be one of ${LAYOUTS.join(', ')}.`);
}
