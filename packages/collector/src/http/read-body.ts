import { CollectorError } from '../errors';

/**
 * Reads the body as UTF-8 text, stopping (and cancelling the stream) as soon as it exceeds
 * `maxBytes`, so a hostile client cannot make the collector buffer more than the cap.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CollectorError('invalid_utf8', 'body is not valid UTF-8');
  }
}

function tooLarge(maxBytes: number): CollectorError {
  return new CollectorError('payload_too_large', `body exceeds ${maxBytes} bytes; split the batch`);
}

/** Parses JSON text; any failure (syntax, absurd nesting) is a 400, never a 500. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof SyntaxError ? cause.message : 'unparseable';
    throw new CollectorError('invalid_json', `body is not valid JSON: ${reason}`);
  }
}
