import type { AgeClock } from '../clock/age-clock';
import { LIMITS } from '../contract';
import { RaayeError } from '../errors/RaayeError';
import type { StorageHandle } from '../storage/storage-handle';
import type { ExpectInput, PendingPrompt } from '../types';
import { jsonBytes } from '../validate/json-bytes';
import { checkText, isPlainObject } from '../validate/rating';

const PROMPT = 'p:';

/** As stored: with the age clock's reading at `expect()` (absent in older records). */
type Stored = PendingPrompt & { mono?: number };
const DEFAULT_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_PROMPT_BYTES = 8192;

const invalid = (path: string, message: string) =>
  new RaayeError('invalid_prompt', `expect(): ${path} ${message}`, { path });

function parseExpiry(value: ExpectInput['expiresAt'], now: number): number {
  if (value === undefined) return now + DEFAULT_TTL_MS;
  const at = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(at) || at <= now) {
    throw invalid(
      'expiresAt',
      `must be a future ISO 8601 date or epoch milliseconds (got ${String(value)}).`,
    );
  }
  return at;
}

/**
 * Prompts that must be shown until answered or expired — Uber's "rate your last ride" that comes
 * back on the next app open. Persisted in the same storage as the queue.
 */
export function createPendingPrompts(store: StorageHandle, clock: AgeClock) {
  return {
    async expect(input: ExpectInput): Promise<PendingPrompt> {
      if (!isPlainObject(input))
        throw invalid('input', 'must be an object like { interactionId, prompt }.');
      checkText(input.interactionId, 'interactionId', LIMITS.interactionId, true);
      const prompt = input.prompt ?? {};
      if (!isPlainObject(prompt) || jsonBytes(prompt) > MAX_PROMPT_BYTES) {
        throw invalid('prompt', `must be a JSON object of at most ${MAX_PROMPT_BYTES} bytes.`);
      }
      const now = Date.now();
      const pending: PendingPrompt = {
        interactionId: input.interactionId,
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(parseExpiry(input.expiresAt, now)).toISOString(),
        prompt,
      };
      // Stored with the age clock's reading: expiry, like a rating's age, needs a second signal.
      await store.set(PROMPT + input.interactionId, { ...pending, mono: await clock() });
      return pending;
    },

    async list(): Promise<PendingPrompt[]> {
      const now = Date.now();
      const mono = await clock();
      const live: PendingPrompt[] = [];
      const expired: string[] = [];
      for (const [key, { mono: at = 0, ...prompt }] of await store.entries<Stored>(PROMPT)) {
        // Expired by the device clock, and the age clock agrees that its lifetime has passed: a
        // prompt asked while the clock read 1999 is not dropped once the clock is right.
        const lifetime = Date.parse(prompt.expiresAt) - Date.parse(prompt.createdAt);
        if (Date.parse(prompt.expiresAt) <= now && mono - at >= lifetime) expired.push(key);
        else live.push(prompt);
      }
      if (expired.length) await store.del(expired);
      return live.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    get: (interactionId: string) => store.get<PendingPrompt>(PROMPT + interactionId),

    resolve: (interactionId: string) => store.del([PROMPT + interactionId]),
  };
}
