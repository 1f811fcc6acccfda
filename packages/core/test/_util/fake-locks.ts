import type { LockManagerLike } from '../../src/types';

/**
 * A Web Locks stand-in shared by several "tabs" (happy-dom has no navigator.locks): one holder per
 * name, `ifAvailable` gets null when held, and a tab that dies releases its locks.
 */
export function createFakeLockManager() {
  const held = new Set<string>();
  let requests = 0;
  const forTab = (): LockManagerLike => ({
    async request(name, _options, callback) {
      requests++;
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  });
  return { forTab, held, requestCount: () => requests };
}
