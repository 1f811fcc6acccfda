import type { ComponentChildren } from 'preact';
import type { Coverage } from '../api/types';
import { Table } from '../components/Table';
import { useStrings } from '../i18n/context';
import { formatNumber, formatPercent, NO_DATA } from '../lib/format';

/** Seconds as the largest whole unit that fits: "45 s", "12 min", "5 h", "2 d". */
export function formatSeconds(s: number | null): string {
  if (s === null) return NO_DATA;
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} d`;
}

const Num = ({ children }: { children: string }) => <bdi dir="ltr">{children}</bdi>;

/**
 * Coverage of the owed ledger (issue 14): how many owed ratings were answered, on which
 * channel, how fast, and by interaction type, exactly as /v1/stats sent them.
 */
export function CoveragePanel({ coverage }: { coverage: Coverage | undefined }) {
  const s = useStrings().coverage;
  if (!coverage) return null;
  const channels = Object.entries(coverage.byChannel);
  const types = Object.entries(coverage.byInteractionType);
  return (
    <section class="coverage" aria-labelledby="coverage-title">
      <h2 id="coverage-title">{s.title}</h2>
      {coverage.owed === 0 ? (
        <p>{s.none}</p>
      ) : (
        <>
          <dl class="tiles">
            {(
              [
                [s.owed, 'owed', formatNumber(coverage.owed)],
                [s.answered, 'answered', formatNumber(coverage.answered)],
                [s.expired, 'expired', formatNumber(coverage.expired)],
                [s.open, 'open', formatNumber(coverage.open)],
                [s.rate, 'rate', formatPercent(coverage.responseRate)],
                [s.median, 'median', formatSeconds(coverage.medianSecondsToAnswer)],
              ] as const
            ).map(([label, key, value]) => (
              <div class="tile" key={key}>
                <dt>{label}</dt>
                <dd data-coverage={key}>
                  <Num>{value}</Num>
                </dd>
              </div>
            ))}
          </dl>
          {channels.length > 0 && (
            <CountsTable
              caption={s.caption}
              head={[s.channel, s.answered, s.rate, s.median]}
              rows={channels.map(([name, c]) => ({
                key: name,
                attrs: { 'data-channel': name },
                label: s.channels[name] ?? name,
                cells: [
                  formatNumber(c.answered),
                  formatPercent(c.responseRate),
                  formatSeconds(c.medianSecondsToAnswer),
                ],
              }))}
            />
          )}
          {types.length > 1 && (
            <CountsTable
              caption={s.typeCaption}
              head={[s.type, s.owed, s.answered, s.rate]}
              rows={types.map(([name, c]) => ({
                key: name,
                label: <bdi>{name}</bdi>,
                cells: [
                  formatNumber(c.owed),
                  formatNumber(c.answered),
                  formatPercent(c.responseRate),
                ],
              }))}
            />
          )}
        </>
      )}
    </section>
  );
}

interface CountsRow {
  key: string;
  attrs?: Record<string, string>;
  label: ComponentChildren;
  /** Already formatted numbers, isolated left-to-right in RTL pages. */
  cells: string[];
}

/** A row header, then numbers. Both coverage breakdowns use it. */
function CountsTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: CountsRow[];
}) {
  return (
    <Table caption={caption} head={head}>
      {rows.map((r) => (
        <tr key={r.key} {...r.attrs}>
          <th scope="row">{r.label}</th>
          {r.cells.map((c, i) => (
            <td key={i}>
              <Num>{c}</Num>
            </td>
          ))}
        </tr>
      ))}
    </Table>
  );
}
