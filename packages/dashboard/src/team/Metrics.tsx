import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api/client';
import type { RatingFilter, ReplyMetrics, SlaMetrics } from '../api/types';
import { Table } from '../components/Table';
import { useStrings } from '../i18n/context';
import { formatPercent } from '../lib/format';
import { formatDuration } from '../lib/sla';

/** Median and p90 time to first reply and the share within target: overall, per week, per agent. */
export function Metrics({ api, filter }: { api: Api; filter: RatingFilter }) {
  const t = useStrings();
  const tt = t.team;
  const [m, setM] = useState<SlaMetrics | null>(null);
  useEffect(() => {
    void api.metrics(filter).then(setM, () => {});
  }, [api, filter.from, filter.to]);
  if (!m) return null;
  const d = (s: number | null) => (s === null ? '–' : formatDuration(s * 1000, t.units));
  const row = (label: string, r: ReplyMetrics, key: string) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      <td>{r.opened}</td>
      <td>{d(r.medianSeconds)}</td>
      <td>{d(r.p90Seconds)}</td>
      <td>
        {r.withinTarget === null ? '–' : formatPercent(Math.round(r.withinTarget * 1000) / 10)}
      </td>
    </tr>
  );
  const cols = [tt.opened, tt.median, tt.p90, tt.withinTarget];
  return (
    <section class="metrics" aria-labelledby="metrics-title">
      <h2 id="metrics-title">{tt.metrics}</h2>
      <Table data-metrics="week" head={[tt.week, ...cols]}>
        {row(tt.overall, m.overall, 'all')}
        {m.byWeek.map((w) => row(w.week, w, w.week))}
      </Table>
      <Table data-metrics="agent" head={[tt.agent, ...cols]}>
        {m.byAgent.map((a) => row(a.name, a, a.memberId))}
      </Table>
    </section>
  );
}
