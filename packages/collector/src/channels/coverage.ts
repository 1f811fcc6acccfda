import type { CoverageCounts as Counts, Coverage } from '@raaye/protocol';
import type { CoverageRow } from '../store/types';

const rate = (n: number, of: number) => (of > 0 ? Math.round((1000 * n) / of) / 10 : null);

function counts(rows: CoverageRow[]): Counts {
  const total = rows.filter((r) => r.channel === undefined);
  const by = (state: CoverageRow['state']) => total.find((r) => r.state === state);
  const c = {
    owed: total.reduce((n, r) => n + r.count, 0),
    answered: by('answered')?.count ?? 0,
    expired: by('expired')?.count ?? 0,
    cancelled: by('cancelled')?.count ?? 0,
    open: by('open')?.count ?? 0,
  };
  const answerable = c.owed - c.cancelled;
  const byChannel: Counts['byChannel'] = {};
  for (const r of rows) {
    if (r.state !== 'answered' || r.channel === undefined || r.channel === null) continue;
    byChannel[r.channel] = {
      answered: r.count,
      responseRate: rate(r.count, answerable),
      medianSecondsToAnswer: r.medianSeconds,
    };
  }
  return {
    ...c,
    responseRate: rate(c.answered, answerable),
    medianSecondsToAnswer: by('answered')?.medianSeconds ?? null,
    byChannel,
  };
}

/** Shapes the store's grouping-set rows into the `coverage` block of `GET /v1/stats`. */
export function shapeCoverage(rows: CoverageRow[]): Coverage {
  const overall = rows.filter((r) => r.interactionType === undefined);
  const byType = new Map<string, CoverageRow[]>();
  for (const r of rows) {
    if (r.interactionType === undefined) continue;
    const key = r.interactionType ?? '(none)';
    byType.set(key, [...(byType.get(key) ?? []), r]);
  }
  return {
    ...counts(overall),
    byInteractionType: Object.fromEntries([...byType].map(([k, v]) => [k, counts(v)])),
  };
}
