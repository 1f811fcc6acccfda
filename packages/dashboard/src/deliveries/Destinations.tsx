import type { DestinationView } from '../api/types';
import { Table } from '../components/Table';
import { useStrings } from '../i18n/context';
import { formatUtc } from '../lib/format';

/** Each destination, where it sends and its health; owners re-enable a disabled one. */
export function Destinations({
  destinations,
  owner,
  busy,
  onEnable,
}: {
  destinations: DestinationView[];
  owner: boolean;
  busy: boolean;
  onEnable(id: string): void;
}) {
  const s = useStrings().deliveries;
  if (destinations.length === 0) return <p>{s.noDestinations}</p>;
  return (
    <Table
      class="destinations"
      caption={s.destinations}
      head={[s.destination, s.kind, s.target, s.events, s.status]}
    >
      {destinations.map((d) => (
        <tr key={d.id} data-destination={d.id}>
          <th scope="row">
            <bdi>{d.id}</bdi>
          </th>
          <td>{d.kind}</td>
          <td dir="ltr">{[d.target].flat().join(', ')}</td>
          <td dir="ltr">{d.events.join(', ')}</td>
          <td data-health>
            {d.disabledAt ? (
              <>
                <span class="badge sla-overdue">{s.disabled}</span>{' '}
                <span class="note">
                  {formatUtc(d.disabledAt)}: <bdi>{d.disabledReason}</bdi>
                </span>{' '}
                {owner && (
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={`${s.enable}: ${d.id}`}
                    onClick={() => onEnable(d.id)}
                  >
                    {s.enable}
                  </button>
                )}
              </>
            ) : d.consecutiveFailures > 0 ? (
              <span class="badge sla-due">{s.failing(d.consecutiveFailures)}</span>
            ) : (
              <span class="badge sla-met">{s.active}</span>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
