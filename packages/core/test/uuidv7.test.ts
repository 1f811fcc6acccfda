import { expect, it } from 'vitest';
import { uuidv7 } from '../src/id/uuidv7';

it('makes RFC 9562 version 7 ids that sort in creation order, even within one millisecond', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  const ids = Array.from({ length: 5000 }, () => uuidv7(now));
  for (const id of ids)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect([...ids].sort()).toEqual(ids);
  expect(new Set(ids).size).toBe(ids.length);
  expect(Number.parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
});
