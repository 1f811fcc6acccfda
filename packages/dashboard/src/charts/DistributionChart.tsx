import type { ScaleStats } from '../api/types';
import { useStrings } from '../i18n/context';
import { type Scale, scoresOf } from '../lib/scales';
import { axis } from './axis';

export interface DistributionChartProps {
  scale: Scale;
  stats: ScaleStats;
}

const W = 360;
const ROW = 24;
const LABEL = 52;
const VALUE = 52;

/** One bar per score of the scale (zeros included), with a data table for screen readers. */
export function DistributionChart({ scale, stats }: DistributionChartProps) {
  const t = useStrings();
  const scores = scoresOf(scale);
  const counts = scores.map((s) => stats.distribution[String(s)] ?? 0);
  const max = Math.max(1, ...counts);
  const a = axis(W, t.dir === 'rtl');
  const span = W - LABEL - VALUE;
  const height = scores.length * ROW;
  const id = `dist-${scale}`;
  const name = t.scaleNames[scale];
  const label = (score: number) =>
    scale === 'thumbs' ? (score === 0 ? t.thumbsDown : t.thumbsUp) : String(score);
  return (
    <figure class="chart distribution" data-scale={scale}>
      <figcaption id={`${id}-title`}>
        {name}: {t.ratingCount(stats.count)}
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-table`}
      >
        <title>{t.distributionOf(name)}</title>
        {scores.map((score, i) => {
          const count = counts[i]!;
          const width = count === 0 ? 0 : Math.max(2, (count / max) * span);
          const y = i * ROW;
          return (
            <g key={score}>
              <text x={a.x(LABEL - 8)} y={y + ROW / 2} text-anchor={a.anchor('end')} class="label">
                {label(score)}
              </text>
              <rect
                x={a.x(LABEL, width)}
                y={y + 4}
                width={width}
                height={ROW - 8}
                rx={2}
                class="bar"
              />
              <text
                x={a.x(LABEL + width + 8)}
                y={y + ROW / 2}
                text-anchor={a.anchor('start')}
                class="value"
              >
                {count}
              </text>
            </g>
          );
        })}
      </svg>
      <table id={`${id}-table`} class="visually-hidden">
        <caption>{t.distributionOf(name)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.score}</th>
            <th scope="col">{t.ratings}</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((score, i) => (
            <tr key={score}>
              <th scope="row">{label(score)}</th>
              <td>{counts[i]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
