import type { Stats } from '../api/types';
import { DistributionChart } from '../charts/DistributionChart';
import { TrendChart } from '../charts/TrendChart';
import { formatNumber, formatPercent, formatSigned, share } from '../lib/format';
import { isScale, npsSplit, SCALES, type Scale } from '../lib/scales';
import { NpsSplitBar } from './NpsSplitBar';

export interface ScoresProps {
  stats: Stats;
  /** The chosen scale, if any (the average only means something for one scale). */
  scale: Scale | undefined;
  /** First and last UTC day of the chosen range, for the trend's x axis. */
  firstDay: string | undefined;
  lastDay: string | undefined;
  awaiting: number;
  overdue: number;
  rtl: boolean;
}

/** Count, average, CSAT and NPS exactly as /v1/stats sent them, then the charts. */
export function Scores({ stats, scale, firstDay, lastDay, awaiting, overdue, rtl }: ScoresProps) {
  const scales = Object.keys(stats.byScale).filter(isScale);
  const mixed = scale === undefined && scales.length > 1;
  const split = npsSplit(stats.byScale.nps?.distribution);
  const onlyScale = scale ?? (scales.length === 1 ? scales[0] : undefined);
  return (
    <section class="scores" aria-labelledby="scores-title">
      <h2 id="scores-title">Live scores</h2>
      <dl class="tiles">
        <div class="tile">
          <dt>Ratings</dt>
          <dd data-stat="count">{formatNumber(stats.count)}</dd>
        </div>
        <div class="tile">
          <dt>Average score</dt>
          <dd data-stat="average">{formatNumber(stats.average)}</dd>
          {mixed && <dd class="note">Mixed scales: choose one for a meaningful average.</dd>}
        </div>
        <div class="tile">
          <dt>CSAT</dt>
          <dd data-stat="csat">{formatPercent(stats.csat)}</dd>
          <dd class="note">4–5 on 5-point scales</dd>
        </div>
        <div class="tile">
          <dt>NPS</dt>
          <dd data-stat="nps">{formatSigned(stats.nps)}</dd>
          {split.total > 0 && (
            <dd class="note">
              <ul class="nps-split">
                <li data-stat="promoters">
                  Promoters {split.promoters} ({share(split.promoters, split.total)}%)
                </li>
                <li data-stat="passives">
                  Passives {split.passives} ({share(split.passives, split.total)}%)
                </li>
                <li data-stat="detractors">
                  Detractors {split.detractors} ({share(split.detractors, split.total)}%)
                </li>
              </ul>
              <NpsSplitBar split={split} rtl={rtl} />
            </dd>
          )}
        </div>
        <div class="tile">
          <dt>Awaiting reply</dt>
          <dd data-stat="awaiting">{formatNumber(awaiting)}</dd>
          <dd class={overdue > 0 ? 'note overdue-note' : 'note'} data-stat="overdue">
            {overdue} overdue (24 h)
          </dd>
        </div>
      </dl>

      <h3>Trend</h3>
      <TrendChart
        byDay={stats.byDay}
        first={firstDay ?? undefined}
        last={lastDay ?? undefined}
        averageMax={onlyScale ? SCALES[onlyScale][1] : undefined}
        rtl={rtl}
      />

      <h3>Distribution</h3>
      {scales.length === 0 ? (
        <p class="empty">No ratings in this range yet.</p>
      ) : (
        <div class="distributions">
          {scales.map((s) => (
            <DistributionChart key={s} scale={s} stats={stats.byScale[s]!} rtl={rtl} />
          ))}
        </div>
      )}
    </section>
  );
}
