import * as v from 'valibot';
import { CollectorError } from '../errors';
import { issuePath } from '../validate/issue-path';
import { findUnsafeText } from '../validate/text-safety';
import { requireJsonish } from './content-type';
import { parseJson, readBodyText } from './read-body';

/** Reads a small JSON body for the read-side routes and validates it against `schema`. */
export async function readJsonBody<S extends v.GenericSchema>(
  request: Request,
  schema: S,
  maxBytes = 16_384,
): Promise<v.InferOutput<S>> {
  requireJsonish(request, false);
  const body = parseJson(await readBodyText(request, maxBytes));
  const unsafe = findUnsafeText(body, '');
  if (unsafe) throw new CollectorError('invalid_body', unsafe.message, { path: unsafe.path });
  const result = v.safeParse(schema, body, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const path = issuePath(issue);
    throw new CollectorError('invalid_body', `${path || 'body'}: ${issue.message}`, {
      path: path || undefined,
    });
  }
  return result.output;
}
