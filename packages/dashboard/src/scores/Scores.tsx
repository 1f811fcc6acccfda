import type { Stats } from '../api/types';
import { DistributionChart } from '../charts/DistributionChart';
import { TrendChart } from '../charts/TrendChart';
import { useStrings } from '../i18n/context';
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
}

/** A figure kept left to right inside any paragraph direction (so `+16.67` never reads `16.67+`). */
const Num = ({ children }: { children: string }) => <bdi dir="ltr">{children}</bdi>;

/** Count, average, CSAT and NPS exactly as /v1/stats sent them, then the charts. */
export function Scores({ stats, scale, firstDay, lastDay, awaiting, overdue }: ScoresProps) {
  const t = useStrings();
  const scales = Object.keys(stats.byScale).filter(isScale);
  const mixed = scale === undefined && scales.length > 1;
  const split = npsSplit(stats.byScale.nps?.distribution);
  const onlyScale = scale ?? (scales.length === 1 ? scales[0] : undefined);
  const part = (name: string, n: number) => `${name} ${n} (${share(n, split.total)}%)`;
  return (
    <section class="scores" aria-labelledby="scores-title">
      <h2 id="scores-title">{t.liveScores}</h2>
      <dl class="tiles">
        <div class="tile">
          <dt>{t.ratings}</dt>
          <dd data-stat="count">
            <Num>{formatNumber(stats.count)}</Num>
          </dd>
        </div>
        <div class="tile">
          <dt>{t.average}</dt>
          <dd data-stat="average">
            <Num>{formatNumber(stats.average)}</Num>
          </dd>
          {mixed && <dd class="note">{t.mixedScales}</dd>}
        </div>
        <div class="tile">
          <dt>{t.csat}</dt>
          <dd data-stat="csat">
            <Num>{formatPercent(stats.csat)}</Num>
          </dd>
          <dd class="note">{t.csatNote}</dd>
        </div>
        <div class="tile">
          <dt>{t.nps}</dt>
          <dd data-stat="nps">
            <Num>{formatSigned(stats.nps)}</Num>
          </dd>
          {split.total > 0 && (
            <dd class="note">
              <ul class="nps-split">
                <li data-stat="promoters">{part(t.promoters, split.promoters)}</li>
                <li data-stat="passives">{part(t.passives, split.passives)}</li>
                <li data-stat="detractors">{part(t.detractors, split.detractors)}</li>
              </ul>
              <NpsSplitBar split={split} />
            </dd>
          )}
        </div>
        <div class="tile">
          <dt>{t.awaitingReply}</dt>
          <dd data-stat="awaiting">
            <Num>{formatNumber(awaiting)}</Num>
          </dd>
          <dd class={overdue > 0 ? 'note overdue-note' : 'note'} data-stat="overdue">
            {t.overdueCount(overdue)}
          </dd>
        </div>
      </dl>

      <h3>{t.trend}</h3>
      <TrendChart
        byDay={stats.byDay}
        first={firstDay}
        last={lastDay}
        averageMax={onlyScale ? SCALES[onlyScale][1] : undefined}
      />

      <h3>{t.distribution}</h3>
      {scales.length === 0 ? (
        <p class="empty">{t.noRatings}</p>
      ) : (
        <div class="distributions">
          {scales.map((s) => (
            <DistributionChart key={s} scale={s} stats={stats.byScale[s]!} />
          ))}
        </div>
      )}
    </section>
  );
}
