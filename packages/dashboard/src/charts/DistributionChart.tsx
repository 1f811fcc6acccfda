import type { ScaleStats } from '../api/types';
import { SCALE_NAMES, type Scale, scoreLabel, scoresOf } from '../lib/scales';
import { axis } from './axis';

export interface DistributionChartProps {
  scale: Scale;
  stats: ScaleStats;
  rtl: boolean;
}

const W = 360;
const ROW = 24;
const LABEL = 44;
const VALUE = 52;

/** One bar per score of the scale (zeros included), with a data table for screen readers. */
export function DistributionChart({ scale, stats, rtl }: DistributionChartProps) {
  const scores = scoresOf(scale);
  const counts = scores.map((s) => stats.distribution[String(s)] ?? 0);
  const max = Math.max(1, ...counts);
  const a = axis(W, rtl);
  const span = W - LABEL - VALUE - 8;
  const height = scores.length * ROW;
  const id = `dist-${scale}`;
  return (
    <figure class="chart distribution" data-scale={scale}>
      <figcaption id={`${id}-title`}>
        {SCALE_NAMES[scale]}: {stats.count} {stats.count === 1 ? 'rating' : 'ratings'}
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-table`}
      >
        <title>{SCALE_NAMES[scale]} distribution</title>
        {scores.map((score, i) => {
          const count = counts[i]!;
          const width = count === 0 ? 0 : Math.max(2, (count / max) * span);
          const y = i * ROW;
          return (
            <g key={score}>
              <text x={a.x(LABEL - 6)} y={y + ROW / 2} text-anchor={a.anchor('end')} class="label">
                {scoreLabel(scale, score)}
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
                x={a.x(LABEL + width + 6)}
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
        <caption>{SCALE_NAMES[scale]} distribution</caption>
        <thead>
          <tr>
            <th scope="col">Score</th>
            <th scope="col">Ratings</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((score, i) => (
            <tr key={score}>
              <th scope="row">{scoreLabel(scale, score)}</th>
              <td>{counts[i]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
