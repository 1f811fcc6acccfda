import type { BaseIssue } from 'valibot';

/** Turns a valibot issue path into `ratings[3].user.traits`, relative to `prefix`. */
export function issuePath(issue: BaseIssue<unknown>, prefix = ''): string {
  let out = prefix;
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
