import type { Stats } from '../api/types';
import { useStrings } from '../i18n/context';
import { daysBetween } from '../lib/date-range';
import { formatNumber } from '../lib/format';
import { axis, niceMax } from './axis';

export interface TrendChartProps {
  byDay: Stats['byDay'];
  /** First and last UTC day to draw (gaps are zero days); defaults to the data's own span. */
  first?: string | undefined;
  last?: string | undefined;
  /** Top of the average axis (the scale's maximum when one scale is chosen). */
  averageMax?: number | undefined;
}

const W = 640;
const H = 220;
const TOP = 16;
const BOTTOM = 28;
const SIDE = 40;

/** Ratings per day as bars and the day's average score as a line, both from /v1/stats `byDay`. */
export function TrendChart({ byDay, first, last, averageMax }: TrendChartProps) {
  const t = useStrings();
  const known = new Map(byDay.map((d) => [d.day, d]));
  const from = first ?? byDay[0]?.day;
  const to = last ?? byDay.at(-1)?.day;
  const days = from && to ? daysBetween(from, to) : [];
  if (days.length === 0 || byDay.length === 0) {
    return <p class="empty">{t.noRatings}</p>;
  }
  const a = axis(W, t.dir === 'rtl');
  const plotW = W - 2 * SIDE;
  const plotH = H - TOP - BOTTOM;
  const slot = plotW / days.length;
  const barW = Math.max(1, Math.min(24, slot * 0.7));
  const countMax = niceMax(Math.max(...byDay.map((d) => d.count)));
  const avgMax = averageMax ?? niceMax(Math.max(...byDay.map((d) => d.average)));
  const yCount = (n: number) => TOP + plotH - (n / countMax) * plotH;
  const yAvg = (n: number) => TOP + plotH - (Math.min(n, avgMax) / avgMax) * plotH;
  const centre = (i: number) => SIDE + slot * i + slot / 2;

  // The average line breaks over days without ratings rather than dropping to zero.
  let path = '';
  let pen = false;
  days.forEach((day, i) => {
    const d = known.get(day);
    if (!d) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${a.x(centre(i)).toFixed(1)} ${yAvg(d.average).toFixed(1)}`;
    pen = true;
  });
  const labelled = new Set([0, Math.floor((days.length - 1) / 2), days.length - 1]);

  return (
    <figure class="chart trend">
      <figcaption id="trend-title">{t.trendCaption}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="trend-title"
        aria-describedby="trend-table"
      >
        <title>{t.trendTitle}</title>
        <line
          x1={a.x(SIDE)}
          x2={a.x(W - SIDE)}
          y1={TOP + plotH}
          y2={TOP + plotH}
          class="axis-line"
        />
        <line x1={a.x(SIDE)} x2={a.x(W - SIDE)} y1={TOP} y2={TOP} class="grid-line" />
        <text x={a.x(SIDE - 6)} y={TOP} text-anchor={a.anchor('end')} class="label count-label">
          {countMax}
        </text>
        <text x={a.x(SIDE - 6)} y={TOP + plotH} text-anchor={a.anchor('end')} class="label">
          0
        </text>
        <text x={a.x(W - SIDE + 6)} y={TOP} text-anchor={a.anchor('start')} class="label avg-label">
          {formatNumber(avgMax)}
        </text>
        {days.map((day, i) => {
          const d = known.get(day);
          const count = d?.count ?? 0;
          const top = yCount(count);
          return (
            <g key={day}>
              {count > 0 && (
                <rect
                  x={a.x(centre(i) - barW / 2, barW)}
                  y={top}
                  width={barW}
                  height={TOP + plotH - top}
                  class="bar"
                >
                  <title>
                    {day}: {t.ratingCount(count)}, {t.average} {formatNumber(d?.average)}
                  </title>
                </rect>
              )}
              {labelled.has(i) && (
                <text
                  x={a.x(centre(i))}
                  y={H - 8}
                  text-anchor={a.anchor(
                    i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'middle',
                  )}
                  class="label"
                >
                  {day}
                </text>
              )}
            </g>
          );
        })}
        {path && <path d={path} class="line" />}
        {days.map((day, i) => {
          const d = known.get(day);
          return d ? (
            <circle key={day} cx={a.x(centre(i))} cy={yAvg(d.average)} r={3} class="dot" />
          ) : null;
        })}
      </svg>
      <ul class="legend" aria-hidden="true">
        <li>
          <span class="swatch bar-swatch" />
          {t.trendTitle}
        </li>
        <li>
          <span class="swatch line-swatch" />
          {t.average}
        </li>
      </ul>
      <table id="trend-table" class="visually-hidden">
        <caption>{t.trendTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.day}</th>
            <th scope="col">{t.ratings}</th>
            <th scope="col">{t.average}</th>
          </tr>
        </thead>
        <tbody>
          {byDay.map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.day}</th>
              <td>{d.count}</td>
              <td>{formatNumber(d.average)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
