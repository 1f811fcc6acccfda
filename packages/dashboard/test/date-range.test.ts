import { describe, expect, it } from 'vitest';
import { daysBetween, inRange, lastDays, rangeFilter } from '../src/lib/date-range';

describe('rangeFilter()', () => {
  it('sends whole UTC days with an exclusive end (the next midnight)', () => {
    expect(rangeFilter({ from: '2026-11-01', to: '2026-11-23' })).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-24T00:00:00.000Z',
    });
    expect(rangeFilter({ from: '2026-12-31', to: '2026-12-31' }).to).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });

  it('leaves out empty or invalid ends', () => {
    expect(rangeFilter({ from: '', to: '' })).toEqual({});
    expect(rangeFilter({ from: '2026-13-40', to: 'x' })).toEqual({});
  });
});

describe('lastDays()', () => {
  it('ends today (UTC) and includes it', () => {
    expect(lastDays(30, Date.parse('2026-11-23T23:59:00Z'))).toEqual({
      from: '2026-10-25',
      to: '2026-11-23',
    });
    expect(lastDays(1, Date.parse('2026-11-23T00:00:00Z'))).toEqual({
      from: '2026-11-23',
      to: '2026-11-23',
    });
  });
});

describe('daysBetween()', () => {
  it('lists every day, across months, and keeps the most recent when capped', () => {
    expect(daysBetween('2026-10-30', '2026-11-02')).toEqual([
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
    ]);
    expect(daysBetween('2026-01-01', '2026-12-31', 2)).toEqual(['2026-12-30', '2026-12-31']);
    expect(daysBetween('2026-11-02', '2026-11-01')).toEqual([]);
  });
});

describe('inRange()', () => {
  it('is inclusive at from and exclusive at to', () => {
    const f = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' };
    expect(inRange('2026-11-01T00:00:00.000Z', f)).toBe(true);
    expect(inRange('2026-11-01T23:59:59.999Z', f)).toBe(true);
    expect(inRange('2026-11-02T00:00:00.000Z', f)).toBe(false);
    expect(inRange('2026-10-31T23:59:59.999Z', f)).toBe(false);
    expect(inRange('1999-01-01T00:00:00.000Z', {})).toBe(true);
  });
});
