/**
 * Last-chance delivery while the page goes away. `sendBeacon` returning true only means "queued by
 * the browser" (it says true even offline, and never delivers later), so beacon-sent ratings stay
 * in the durable queue until a later flush confirms them; the collector absorbs the duplicate.
 */
export function sendBeacon(url: string, body: string): boolean {
  try {
    return (
      typeof navigator !== 'undefined' &&
      typeof navigator.sendBeacon === 'function' &&
      navigator.sendBeacon(url, new Blob([body], { type: 'text/plain;charset=UTF-8' }))
    );
  } catch {
    return false;
  }
}
