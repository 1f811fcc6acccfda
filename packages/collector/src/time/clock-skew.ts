/**
 * Corrects the device clock with the envelope's `sentAt` (R13, like Snowplow's derived_tstamp):
 * the time between creation and sending is trusted, the device's absolute clock is not.
 * The result is clamped to the receive time, since a rating cannot come from the future.
 */
export function correctedTime(receivedAt: number, sentAt: number, createdAt: number): number {
  return Math.min(receivedAt, receivedAt - (sentAt - createdAt));
}
