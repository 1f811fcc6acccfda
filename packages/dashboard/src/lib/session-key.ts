// The secret key lives in sessionStorage only: it is gone when the tab closes, it is never put in
// a URL (where history, logs and Referer headers would keep it), and other tabs do not see it.
const KEY = 'raaye.dashboard.key';

export function loadKey(storage: Storage | undefined = sessionStorageOrUndefined()): string | null {
  try {
    return storage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

export function saveKey(key: string, storage = sessionStorageOrUndefined()): void {
  try {
    storage?.setItem(KEY, key);
  } catch {
    // Storage blocked: the key stays in memory for this page view only.
  }
}

export function clearKey(storage = sessionStorageOrUndefined()): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}

function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    // Access throws when storage is disabled for the origin.
    return undefined;
  }
}
