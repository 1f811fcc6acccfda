import type { DeliveryRecord } from '../api/types';
import { Table } from '../components/Table';
import { useStrings } from '../i18n/context';
import { formatUtc, NO_DATA } from '../lib/format';

const Num = ({ children }: { children: string }) => <bdi dir="ltr">{children}</bdi>;

const ms = (n: number | null) => (n === null ? NO_DATA : `${n} ms`);

/** The log: one row per delivery, its attempts in a disclosure; owners replay one event. */
export function DeliveryLog({
  rows,
  owner,
  busy,
  onReplay,
}: {
  rows: DeliveryRecord[];
  owner: boolean;
  busy: boolean;
  onReplay(row: DeliveryRecord): void;
}) {
  const s = useStrings().deliveries;
  if (rows.length === 0) return <p class="empty">{s.none}</p>;
  const status = (code: number | null) => (code === null ? s.noStatus : String(code));
  return (
    <Table
      class="delivery-log"
      caption={s.log}
      head={[
        s.event,
        s.destination,
        s.state,
        s.attempts,
        s.lastStatus,
        s.latency,
        s.error,
        s.lastAttempt,
      ]}
    >
      {rows.map((r) => (
        <tr key={r.id} data-delivery={r.eventId} data-state={r.state}>
          <th scope="row">
            <span dir="ltr">{r.eventType}</span>
            <br />
            <code class="event-id">{r.eventId}</code>
          </th>
          <td>
            <bdi>{r.destination}</bdi>
          </td>
          <td>{s.states[r.state]}</td>
          <td>
            <Num>{String(r.attempts)}</Num>
            {r.history.length > 0 && (
              <details>
                <summary>{s.history}</summary>
                <table class="attempts">
                  <caption class="visually-hidden">
                    {s.history}: {r.eventId}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{s.time}</th>
                      <th scope="col">{s.lastStatus}</th>
                      <th scope="col">{s.latency}</th>
                      <th scope="col">{s.error}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.history.map((a) => (
                      <tr key={a.at}>
                        <td>
                          <Num>{formatUtc(a.at)}</Num>
                        </td>
                        <td>
                          <Num>{status(a.status)}</Num>
                        </td>
                        <td>
                          <Num>{ms(a.latencyMs)}</Num>
                        </td>
                        <td>
                          <bdi>{a.error ?? NO_DATA}</bdi>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            )}
          </td>
          <td>
            <Num>{r.lastAttemptAt ? status(r.lastStatus) : NO_DATA}</Num>
          </td>
          <td>
            <Num>{ms(r.lastLatencyMs)}</Num>
          </td>
          <td class="error-text">
            <bdi>{r.lastError ?? NO_DATA}</bdi>
          </td>
          <td>
            <Num>{r.lastAttemptAt ? formatUtc(r.lastAttemptAt) : NO_DATA}</Num>
            {owner && r.state !== 'pending' && (
              <>
                {' '}
                <button
                  type="button"
                  disabled={busy}
                  aria-label={`${s.replay}: ${r.eventType} ${r.eventId} → ${r.destination}`}
                  onClick={() => onReplay(r)}
                >
                  {s.replay}
                </button>
              </>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
