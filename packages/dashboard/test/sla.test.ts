import { describe, expect, it } from 'vitest';
import { ar } from '../src/i18n/ar';
import { formatDuration, SLA_MS, slaState } from '../src/lib/sla';

const at = '2026-11-23T10:00:00.000Z';
const t0 = Date.parse(at);
const H = 3_600_000;

describe('slaState()', () => {
  it('is due for 24 hours after the rating, counting down', () => {
    expect(slaState(at, t0)).toEqual({ status: 'due', dueAt: t0 + SLA_MS, ms: SLA_MS });
    expect(slaState(at, t0 + 5 * H)).toMatchObject({ status: 'due', ms: 19 * H });
    expect(slaState(at, t0 + SLA_MS - 1)).toMatchObject({ status: 'due', ms: 1 });
  });

  it('is overdue from exactly 24 hours on, counting up', () => {
    expect(slaState(at, t0 + SLA_MS)).toMatchObject({ status: 'overdue', ms: 0 });
    expect(slaState(at, t0 + 30 * H)).toMatchObject({ status: 'overdue', ms: 6 * H });
  });

  it('treats a rating stamped in the future (clock skew) as due, with more than 24 h left', () => {
    expect(slaState(at, t0 - H)).toMatchObject({ status: 'due', ms: 25 * H });
  });

  it('takes another standard', () => {
    expect(slaState(at, t0 + 2 * H, 4 * H)).toMatchObject({ status: 'due', ms: 2 * H });
  });
});

describe('formatDuration()', () => {
  it('rounds down to the largest unit', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59_999)).toBe('59 s');
    expect(formatDuration(60_000)).toBe('1 min');
    expect(formatDuration(H - 1)).toBe('59 min');
    expect(formatDuration(H)).toBe('1 h');
    expect(formatDuration(SLA_MS - 1)).toBe('23 h');
    expect(formatDuration(SLA_MS)).toBe('1 d');
    expect(formatDuration(10 * SLA_MS + 5 * H)).toBe('10 d');
  });

  it('never goes negative', () => {
    expect(formatDuration(-5000)).toBe('0 s');
  });

  it('uses the language pack units', () => {
    expect(formatDuration(5 * H, ar.units)).toBe('5 س');
  });
});
