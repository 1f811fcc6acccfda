import type { StorageHandle } from '../storage/storage-handle';
import type { AskDecision, RecontactRules } from '../types';

const ASKED = 'm:asked';
const RATED = 'r:';
const DAY_MS = 24 * 60 * 60 * 1000;

/** FNV-1a with a finaliser, mapped to [0, 1): the same rater and interaction always land on the same side of the sample. */
function sampleValue(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  // murmur3's finaliser: FNV alone leaves the high bits correlated for ids that differ at the end.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) / 2 ** 32;
}

/** Keeps people from being nagged: one rating per interaction, cooldown, sampling, max per period. */
export function createRecontact(store: StorageHandle, rules: RecontactRules = {}) {
  const periodMs = rules.periodMs ?? 30 * DAY_MS;
  const ratedKey = (raterId: string, interactionId: string) =>
    `${RATED}${raterId}\n${interactionId}`;
  return {
    isRated: async (raterId: string, interactionId: string) =>
      (await store.get(ratedKey(raterId, interactionId))) !== undefined,

    markRated: (raterId: string, interactionId: string) =>
      store.set(ratedKey(raterId, interactionId), Date.now()),

    async noteAsked(): Promise<void> {
      const now = Date.now();
      await store.update<number[]>(ASKED, (times = []) =>
        // Only the newest `maxPrompts` times can decide anything (the cooldown needs one).
        [...times.filter((t) => t <= now && now - t < periodMs), now].slice(
          -(rules.maxPrompts ?? 1),
        ),
      );
    },

    /** Decides for an interaction that is neither rated nor pending. */
    async decide(raterId: string, interactionId: string): Promise<AskDecision> {
      if (sampleValue(`${raterId}\n${interactionId}`) >= (rules.sampleRate ?? 1)) {
        return { ask: false, reason: 'sampled_out' };
      }
      const now = Date.now();
      // A time ahead of now was written while the device clock ran ahead: it decides nothing.
      const times = ((await store.get<number[]>(ASKED)) ?? []).filter(
        (t) => t <= now && now - t < periodMs,
      );
      const last = times.at(-1);
      if (last !== undefined && now - last < (rules.cooldownMs ?? 0))
        return { ask: false, reason: 'cooldown' };
      if (times.length >= (rules.maxPrompts ?? 1 / 0)) {
        return { ask: false, reason: 'max_prompts' };
      }
      return { ask: true, reason: 'ok' };
    },
  };
}
