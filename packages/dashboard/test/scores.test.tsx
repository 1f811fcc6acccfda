import { cleanup, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ar } from '../src/i18n/ar';
import { Scores, type ScoresProps } from '../src/scores/Scores';
import { stats } from './_util/fixtures';
import { renderIn } from './_util/render';

afterEach(cleanup);

const props = (overrides: Partial<ScoresProps> = {}): ScoresProps => ({
  stats: stats(),
  scale: undefined,
  firstDay: '2026-11-20',
  lastDay: '2026-11-23',
  awaiting: 2,
  overdue: 1,
  ...overrides,
});

const statText = (root: Element, name: string) =>
  root.querySelector(`[data-stat="${name}"]`)?.textContent;

describe('<Scores>', () => {
  it('shows count, average, CSAT and NPS exactly as /v1/stats sent them', () => {
    const { container } = renderIn(
      <Scores
        {...props({ stats: stats({ count: 12345, average: 3.57, csat: 42.86, nps: -16.67 }) })}
      />,
    );
    expect(statText(container, 'count')).toBe('12,345');
    expect(statText(container, 'average')).toBe('3.57');
    expect(statText(container, 'csat')).toBe('42.86%');
    expect(statText(container, 'nps')).toBe('-16.67');
    expect(statText(container, 'awaiting')).toBe('2');
    expect(statText(container, 'overdue')).toBe('1 overdue (24 h)');
  });

  it('signs a positive NPS and shows a dash where there is no data', () => {
    const { container } = renderIn(
      <Scores
        {...props({
          stats: stats({ count: 0, average: null, csat: null, nps: null, byScale: {}, byDay: [] }),
        })}
      />,
    );
    expect(statText(container, 'average')).toBe('–');
    expect(statText(container, 'csat')).toBe('–');
    expect(statText(container, 'nps')).toBe('–');
    expect(container.querySelectorAll('svg')).toHaveLength(0);
    expect(
      within(container as HTMLElement).getAllByText('No ratings in this range yet.'),
    ).toHaveLength(2);
    cleanup();
    const again = renderIn(<Scores {...props({ stats: stats({ nps: 33.33 }) })} />);
    expect(statText(again.container, 'nps')).toBe('+33.33');
    expect(statText(again.container, 'nps')?.startsWith('+')).toBe(true);
  });

  it('splits NPS into promoters, passives and detractors from its distribution', () => {
    const s = stats();
    s.byScale.nps = {
      count: 6,
      average: 7,
      distribution: { '10': 2, '9': 1, '8': 1, '3': 1, '6': 1 },
    };
    const { container } = renderIn(<Scores {...props({ stats: s })} />);
    expect(statText(container, 'promoters')).toBe('Promoters 3 (50%)');
    expect(statText(container, 'passives')).toBe('Passives 1 (17%)');
    expect(statText(container, 'detractors')).toBe('Detractors 2 (33%)');
  });

  it('says the average mixes scales until one is chosen', () => {
    const mixed = renderIn(<Scores {...props()} />);
    expect(mixed.queryByText(/Mixed scales/)).not.toBeNull();
    cleanup();
    const one = renderIn(<Scores {...props({ scale: 'stars5' })} />);
    expect(one.queryByText(/Mixed scales/)).toBeNull();
  });

  it('draws one distribution per scale with every score, zeros included', () => {
    const { container } = renderIn(<Scores {...props()} />);
    const stars = container.querySelector('figure[data-scale="stars5"]')!;
    const rows = [...stars.querySelectorAll('tbody tr')].map((tr) => tr.textContent);
    expect(rows).toEqual(['11', '21', '30', '41', '51']);
    expect(stars.querySelectorAll('rect.bar')).toHaveLength(5);
    const nps = container.querySelector('figure[data-scale="nps"]')!;
    expect(nps.querySelectorAll('tbody tr')).toHaveLength(11);
    // Accessible: the image is named and described by the data table.
    const svg = within(stars as HTMLElement).getByRole('img');
    expect(svg.getAttribute('aria-describedby')).toBe('dist-stars5-table');
  });

  it('draws the trend over every day of the range, bars only where there were ratings', () => {
    const { container } = renderIn(<Scores {...props()} />);
    const trend = container.querySelector('figure.trend')!;
    expect(trend.querySelectorAll('rect.bar')).toHaveLength(2);
    expect(trend.querySelectorAll('circle.dot')).toHaveLength(2);
    // Two points four days apart: the line breaks over the empty days.
    expect(trend.querySelector('path.line')?.getAttribute('d')).toMatch(
      /^M[\d.]+ [\d.]+M[\d.]+ [\d.]+$/,
    );
    const labels = [...trend.querySelectorAll('svg text')].map((t) => t.textContent);
    expect(labels).toContain('2026-11-20');
    expect(labels).toContain('2026-11-23');
    const table = [...trend.querySelectorAll('tbody tr')].map((tr) => tr.textContent);
    expect(table).toEqual(['2026-11-2034', '2026-11-2345.25']);
  });

  it('mirrors the charts right to left in Arabic, keeping the same data', () => {
    const ltr = renderIn(<Scores {...props()} />);
    const xsLtr = [...ltr.container.querySelectorAll('figure.trend rect.bar')].map((r) =>
      Number(r.getAttribute('x')),
    );
    const barLtr = ltr.container.querySelector('figure[data-scale="stars5"] rect.bar')!;
    cleanup();
    const rtl = renderIn(<Scores {...props()} />, ar);
    const xsRtl = [...rtl.container.querySelectorAll('figure.trend rect.bar')].map((r) =>
      Number(r.getAttribute('x')),
    );
    // Oldest day on the left in LTR, on the right in RTL.
    expect(xsLtr[0]!).toBeLessThan(xsLtr[1]!);
    expect(xsRtl[0]!).toBeGreaterThan(xsRtl[1]!);
    const barRtl = rtl.container.querySelector('figure[data-scale="stars5"] rect.bar')!;
    const width = Number(barLtr.getAttribute('width'));
    expect(Number(barRtl.getAttribute('width'))).toBe(width);
    expect(Number(barRtl.getAttribute('x'))).toBeCloseTo(
      360 - Number(barLtr.getAttribute('x')) - width,
    );
    expect(rtl.getByRole('heading', { name: ar.liveScores })).toBeTruthy();
    // Figures stay left to right inside the RTL text.
    expect(rtl.container.querySelector('[data-stat="nps"] bdi')?.getAttribute('dir')).toBe('ltr');
  });
});
