import type { Coverage } from '../api/types';
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
            <table>
              <caption>{s.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.channel}</th>
                  <th scope="col">{s.answered}</th>
                  <th scope="col">{s.rate}</th>
                  <th scope="col">{s.median}</th>
                </tr>
              </thead>
              <tbody>
                {channels.map(([name, c]) => (
                  <tr key={name} data-channel={name}>
                    <th scope="row">{s.channels[name] ?? name}</th>
                    <td>
                      <Num>{formatNumber(c.answered)}</Num>
                    </td>
                    <td>
                      <Num>{formatPercent(c.responseRate)}</Num>
                    </td>
                    <td>
                      <Num>{formatSeconds(c.medianSecondsToAnswer)}</Num>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {types.length > 1 && (
            <table>
              <caption>{s.typeCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.type}</th>
                  <th scope="col">{s.owed}</th>
                  <th scope="col">{s.answered}</th>
                  <th scope="col">{s.rate}</th>
                </tr>
              </thead>
              <tbody>
                {types.map(([name, c]) => (
                  <tr key={name}>
                    <th scope="row">
                      <bdi>{name}</bdi>
                    </th>
                    <td>
                      <Num>{formatNumber(c.owed)}</Num>
                    </td>
                    <td>
                      <Num>{formatNumber(c.answered)}</Num>
                    </td>
                    <td>
                      <Num>{formatPercent(c.responseRate)}</Num>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
