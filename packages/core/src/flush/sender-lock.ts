import type { StorageHandle } from '../storage/storage-handle';
import type { LockManagerLike } from '../types';

interface Lease {
  owner: string;
  until: number;
}

const LEASE_KEY = 'm:lease';

/**
 * Makes sure only one tab sends at a time, so a rating is not sent twice by two tabs in the normal
 * path. Web Locks where present (released by the browser when a tab dies); otherwise a lease held
 * in storage, claimed in one read-modify-write (atomic across tabs in IndexedDB) and expiring on
 * its own if its tab dies. Correctness never depends on it: the collector dedupes by id.
 *
 * Runs `work` if this tab got the right to send, and returns undefined if another tab has it.
 */
export function createSenderLock(
  name: string,
  store: StorageHandle,
  locks: LockManagerLike | null | undefined,
  leaseMs: number,
) {
  const owner = Math.random().toString(36).slice(2);
  // Claims or extends the lease; true while this tab holds it.
  const renew = async () => {
    const now = Date.now();
    const lease = await store.update<Lease>(LEASE_KEY, (current) =>
      !current || current.until < now || current.until > now + leaseMs || current.owner === owner
        ? { owner, until: now + leaseMs }
        : current,
    );
    return lease?.owner === owner;
  };
  const held = async () => true;
  return async <T>(work: (renew: () => Promise<boolean>) => Promise<T>): Promise<T | undefined> => {
    if (locks) {
      return locks.request(name, { ifAvailable: true }, async (lock) =>
        lock ? work(held) : undefined,
      );
    }
    if (!(await renew())) return undefined;
    try {
      return await work(renew);
    } finally {
      await store.update<Lease>(LEASE_KEY, (current) =>
        current?.owner === owner ? undefined : current,
      );
    }
  };
}

/** The browser's Web Locks API, when this context has it. */
export function defaultLocks(): LockManagerLike | null {
  const locks =
    typeof navigator === 'undefined' ? undefined : (navigator as { locks?: LockManagerLike }).locks;
  return locks && typeof locks.request === 'function' ? locks : null;
}
