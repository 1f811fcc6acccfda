import { axis } from '../charts/axis';
import { useStrings } from '../i18n/context';
import type { NpsSplit } from '../lib/scales';

const W = 200;
const H = 10;

/** Promoters, passives and detractors as one stacked bar (decorative: the list says it in words). */
export function NpsSplitBar({ split }: { split: NpsSplit }) {
  const a = axis(W, useStrings().dir === 'rtl');
  let x = 0;
  const parts = (['promoters', 'passives', 'detractors'] as const).map((kind) => {
    const width = (split[kind] / split.total) * W;
    const part = { kind, x, width };
    x += width;
    return part;
  });
  return (
    <svg class="nps-bar" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
      {parts.map((p) => (
        <rect key={p.kind} x={a.x(p.x, p.width)} y={0} width={p.width} height={H} class={p.kind} />
      ))}
    </svg>
  );
}
