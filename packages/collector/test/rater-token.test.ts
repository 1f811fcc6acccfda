import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signRaterToken, verifyRaterToken } from '../src/token';

const SECRET = 'a-signing-secret-of-at-least-32-characters';
const NOW = Date.UTC(2026, 5, 1);

describe('rater tokens', () => {
  it('verifies what it signs, with the rater and optional interaction', () => {
    const token = signRaterToken({ secret: SECRET, raterId: 'user-1042', now: NOW });
    expect(verifyRaterToken([SECRET], token, NOW)).toEqual({
      ok: true,
      claims: { raterId: 'user-1042', interactionId: undefined, expiresAt: NOW / 1000 + 86_400 },
    });
    const bound = signRaterToken({
      secret: SECRET,
      raterId: 'user-1042',
      interactionId: 'ride-7',
      now: NOW,
    });
    const result = verifyRaterToken([SECRET], bound, NOW);
    expect(result.ok && result.claims.interactionId).toBe('ride-7');
  });

  it('matches the ten-line recipe in docs/security.md', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    const exp = NOW / 1000 + 600;
    const message = `rt1.${b64('user-1042')}.${b64('')}.${exp}`;
    const mac = createHmac('sha256', SECRET).update(message).digest('base64url');
    const token = `${message}.${mac}`;
    expect(signRaterToken({ secret: SECRET, raterId: 'user-1042', expiresIn: 600, now: NOW })).toBe(
      token,
    );
  });

  it('refuses tampering, other secrets, expiry and absurd lifetimes', () => {
    const token = signRaterToken({ secret: SECRET, raterId: 'user-1042', now: NOW });
    const [kind, rater, interaction, exp, mac] = token.split('.') as string[];
    const other = Buffer.from('user-1043').toString('base64url');
    const cases: Array<[string, string]> = [
      [[kind, other, interaction, exp, mac].join('.'), 'bad_signature'],
      [[kind, rater, interaction, String(Number(exp) + 1), mac].join('.'), 'bad_signature'],
      [[kind, rater, interaction, exp, `${mac}A`].join('.'), 'bad_signature'],
      [['lk1', rater, interaction, exp, mac].join('.'), 'wrong_kind'],
      [`${token}.x`, 'malformed'],
      ['', 'malformed'],
      ['x'.repeat(5000), 'malformed'],
    ];
    for (const [bad, reason] of cases) {
      expect(verifyRaterToken([SECRET], bad, NOW)).toEqual({ ok: false, reason });
    }
    expect(verifyRaterToken(['another-secret-of-at-least-32-characters'], token, NOW)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyRaterToken([SECRET], token, NOW + 86_401_000)).toEqual({
      ok: false,
      reason: 'expired',
    });
    // Rotation: the old secret still verifies while it is listed.
    expect(verifyRaterToken(['new-secret-of-at-least-32-characters!', SECRET], token, NOW).ok).toBe(
      true,
    );
    expect(() =>
      signRaterToken({ secret: SECRET, raterId: 'u', expiresIn: 91 * 86_400 }),
    ).toThrow();
  });
});
