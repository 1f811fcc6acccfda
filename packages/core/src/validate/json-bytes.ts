const encoder = new TextEncoder();

/** UTF-8 bytes of the JSON text of `value` — the unit every size limit of the contract uses. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}
