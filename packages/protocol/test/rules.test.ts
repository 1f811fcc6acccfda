import { describe, expect, it } from 'vitest';
import { isLocale, normalizeLocale } from '../src/rules/locale';
import { isLowScore, isTopScore, npsBucket } from '../src/rules/score';
import { eventTimeOf, parseTimestamp, TIME_WINDOW } from '../src/rules/time';
import { type Scale, scoresOf } from '../src/scales';

describe('isLowScore() and isTopScore()', () => {
  // The table docs/protocol.md states; the widget, the collector and the dashboard all call these.
  const low: Record<Scale, number[]> = {
    stars5: [1, 2, 3],
    faces5: [1, 2, 3],
    csat5: [1, 2, 3],
    thumbs: [0],
    nps: [0, 1, 2, 3, 4, 5, 6],
    ces7: [1, 2, 3, 4],
  };
  const top: Record<Scale, number[]> = {
    stars5: [5],
    faces5: [5],
    csat5: [5],
    thumbs: [1],
    nps: [9, 10],
    ces7: [6, 7],
  };
  it.each(Object.keys(low) as Scale[])('%s', (scale) => {
    expect(scoresOf(scale).filter((s) => isLowScore(scale, s))).toEqual(low[scale]);
    expect(scoresOf(scale).filter((s) => isTopScore(scale, s))).toEqual(top[scale]);
  });
  it('puts NPS scores in their buckets', () => {
    expect(scoresOf('nps').map(npsBucket)).toEqual([
      ...Array(7).fill('detractor'),
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });
});

describe('locales', () => {
  it.each([
    ['en_US', 'en-US'],
    ['en_US.UTF-8', 'en-US'],
    ['de_DE@euro', 'de-DE'],
    ['pt-BR', 'pt-BR'],
    ['zh_Hant_TW', 'zh-Hant-TW'],
  ])('normalizes %s to %s', (tag, expected) => {
    expect(normalizeLocale(tag)).toBe(expected);
    expect(isLocale(normalizeLocale(tag))).toBe(true);
  });
  it.each(['en_US', '', 'e', 'en-', 'en US', 'C', 'x'.repeat(36)])('refuses %j as a tag', (tag) => {
    expect(isLocale(tag)).toBe(false);
  });
});

describe('parseTimestamp()', () => {
  it.each([
    ['2026-11-23T13:00:05.120Z', true],
    ['2026-11-23T13:00:05+02:00', true],
    ['1970-01-01T00:00:00.000Z', true],
    ['2101-01-01T00:00:00.000Z', true],
    ['+275760-09-13T00:00:00.000Z', true],
    ['2026-11-23', false],
    ['not a date', false],
    ['2026-13-45T00:00:00Z', false],
  ])('%s → %s', (text, ok) => {
    expect(parseTimestamp(text) !== undefined).toBe(ok);
  });
  it('reads whatever toISOString() writes, for any clock a device can have', () => {
    for (const ms of [0, -1, 8.64e15, -8.64e15, Date.UTC(2101, 0, 1)]) {
      expect(parseTimestamp(new Date(ms).toISOString())).toBe(ms);
    }
  });
});

describe('eventTimeOf()', () => {
  const received = Date.UTC(2026, 10, 23);
  const DAY = 86_400_000;
  it('trusts the device interval, not its clock', () => {
    // Clock in 1970 both when rating and when sending: the 5 s interval still holds.
    expect(eventTimeOf(received, 10_000, 5_000)).toEqual({
      eventTime: received - 5_000,
      clockSuspect: false,
    });
    expect(eventTimeOf(received, received + 1_000, received + 2_000)).toEqual({
      eventTime: received,
      clockSuspect: false,
    });
  });
  it('places a rating older than the SDK keeps, or made "after" it was sent, at receipt, flagged', () => {
    const max = TIME_WINDOW.maxQueueAgeMs + TIME_WINDOW.marginMs;
    expect(eventTimeOf(received, max, 0)).toEqual({
      eventTime: received - max,
      clockSuspect: false,
    });
    expect(eventTimeOf(received, max + 1, 0)).toEqual({ eventTime: received, clockSuspect: true });
    // Back-dated to 1926, or the clock was wrong when rating and fixed when sending.
    expect(eventTimeOf(received, received, Date.UTC(1926, 0, 1)).clockSuspect).toBe(true);
    expect(eventTimeOf(received, received, Date.UTC(2101, 0, 1)).clockSuspect).toBe(true);
    expect(eventTimeOf(received, 0, DAY).clockSuspect).toBe(true);
  });
});
