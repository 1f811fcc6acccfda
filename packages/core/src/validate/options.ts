import { SOURCES, TIME_WINDOW } from '@raaye/protocol';
import { RaayeError } from '../errors/RaayeError';
import type { ClientOptions, RecontactRules } from '../types';
import { isPlainObject } from './rating';

const invalid = (path: string, message: string) =>
  new RaayeError('invalid_option', `createClient(): ${path} ${message}`, { path });

const STORAGE = ['auto', 'indexeddb', 'localstorage', 'memory'];

function positive(value: unknown, path: string): void {
  if (value !== undefined && !(typeof value === 'number' && value > 0)) {
    throw invalid(
      path,
      `must be a positive number of milliseconds or items (got ${String(value)}).`,
    );
  }
}

/** Checks every option up front so a wrong one fails loudly at start, not silently at send time. */
export function validateOptions(options: unknown): ClientOptions {
  if (!isPlainObject(options)) {
    throw invalid('options', "must be an object like { siteKey: 'pk_…', endpoint: 'https://…' }.");
  }
  const o = options as Partial<ClientOptions>;
  if (typeof o.siteKey !== 'string' || o.siteKey.length === 0) {
    throw invalid('siteKey', "is required: pass your public site key ('pk_…').");
  }
  if (o.siteKey.startsWith('sk_')) {
    throw invalid(
      'siteKey',
      "is a secret key ('sk_…'); never ship it to a browser. Use the public key ('pk_…').",
    );
  }
  if (typeof o.endpoint !== 'string' || !/^https?:\/\/[^/]/.test(o.endpoint)) {
    throw invalid(
      'endpoint',
      `must be the collector's absolute http(s) URL, e.g. 'https://ratings.example.com' (got ${String(o.endpoint)}).`,
    );
  }
  const storage = o.storage;
  if (storage !== undefined && !STORAGE.includes(storage as string)) {
    const store = storage as unknown as Record<string, unknown>;
    if (
      !isPlainObject(store) ||
      typeof store.get !== 'function' ||
      typeof store.update !== 'function'
    ) {
      throw invalid('storage', `must be one of ${STORAGE.join(', ')} or a KeyValueStore object.`);
    }
  }
  if (o.transport !== undefined && typeof o.transport !== 'function') {
    throw invalid('transport', 'must be a function (batch) => Promise<{ status, results? }>.');
  }
  if (o.user !== undefined && o.user !== null && !isPlainObject(o.user)) {
    throw invalid('user', 'must be an object like { id: "user-42" }.');
  }
  if (o.source !== undefined && !SOURCES.includes(o.source)) {
    throw invalid('source', `must be one of ${SOURCES.join(', ')}.`);
  }
  positive(o.flushIntervalMs, 'flushIntervalMs');
  positive(o.timeoutMs, 'timeoutMs');
  positive(o.retry?.baseMs, 'retry.baseMs');
  positive(o.retry?.capMs, 'retry.capMs');
  positive(o.queue?.maxItems, 'queue.maxItems');
  positive(o.queue?.maxBytes, 'queue.maxBytes');
  positive(o.queue?.maxAgeMs, 'queue.maxAgeMs');
  // The collector believes a rating's age only up to this bound (plus a margin); older ones
  // would be stored at their receive time, flagged.
  if ((o.queue?.maxAgeMs ?? 0) > TIME_WINDOW.maxQueueAgeMs) {
    throw invalid('queue.maxAgeMs', `must be at most ${TIME_WINDOW.maxQueueAgeMs} (30 days).`);
  }
  validateRecontact(o.recontact);
  if (o.namespace !== undefined && !/^[\w-]{1,40}$/.test(o.namespace)) {
    throw invalid('namespace', 'must be 1–40 letters, digits, "_" or "-".');
  }
  return o as ClientOptions;
}

function validateRecontact(rules: RecontactRules | undefined): void {
  if (rules === undefined) return;
  const rate = rules.sampleRate;
  if (rate !== undefined && !(typeof rate === 'number' && rate >= 0 && rate <= 1)) {
    throw invalid('recontact.sampleRate', `must be a number from 0 to 1 (got ${String(rate)}).`);
  }
  positive(rules.periodMs, 'recontact.periodMs');
  positive(rules.maxPrompts, 'recontact.maxPrompts');
  if (rules.cooldownMs !== undefined && !(rules.cooldownMs >= 0)) {
    throw invalid('recontact.cooldownMs', 'must be 0 or more milliseconds.');
  }
}
