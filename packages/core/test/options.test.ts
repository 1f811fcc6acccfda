import { describe, expect, it } from 'vitest';
import { createClient } from '../src/client';
import { isRaayeError, RaayeError } from '../src/errors/RaayeError';

const valid = { siteKey: 'pk_1', endpoint: 'https://c.example' };

describe('createClient() options', () => {
  it.each([
    [undefined, 'options'],
    [{ endpoint: 'https://c.example' }, 'siteKey'],
    [{ ...valid, siteKey: 'sk_secret' }, 'siteKey'],
    [{ ...valid, endpoint: 'c.example' }, 'endpoint'],
    [{ ...valid, endpoint: 'ftp://c.example' }, 'endpoint'],
    [{ ...valid, storage: 'cookies' }, 'storage'],
    [{ ...valid, transport: 'fetch' }, 'transport'],
    [{ ...valid, user: 'bob' }, 'user'],
    [{ ...valid, source: 'ios' }, 'source'],
    [{ ...valid, flushIntervalMs: -1 }, 'flushIntervalMs'],
    [{ ...valid, timeoutMs: 0 }, 'timeoutMs'],
    [{ ...valid, retry: { baseMs: 'fast' } }, 'retry.baseMs'],
    [{ ...valid, queue: { maxItems: 0 } }, 'queue.maxItems'],
    [{ ...valid, recontact: { sampleRate: 2 } }, 'recontact.sampleRate'],
    [{ ...valid, recontact: { cooldownMs: -5 } }, 'recontact.cooldownMs'],
    [{ ...valid, namespace: 'a b' }, 'namespace'],
    [{ ...valid, user: { id: '' } }, 'user.id'],
    [{ ...valid, user: { traits: { x: 'y'.repeat(3000) } } }, 'user.traits'],
  ])('throws invalid_option for %j, naming %s', (options, path) => {
    let error: unknown;
    try {
      createClient(options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RaayeError);
    expect(isRaayeError(error)).toBe(true);
    expect((error as RaayeError).path).toBe(path);
    expect((error as RaayeError).message.length).toBeGreaterThan(20);
  });

  it('explains how to fix a secret key', () => {
    expect(() => createClient({ ...valid, siteKey: 'sk_live' })).toThrow(/public key/);
  });

  it('accepts a minimal valid configuration', () => {
    const client = createClient({ ...valid, storage: 'memory' });
    expect(client.options).toEqual({ ...valid, source: 'web' });
    client.destroy();
  });
});
