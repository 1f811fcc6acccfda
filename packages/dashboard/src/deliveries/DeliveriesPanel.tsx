import { useEffect, useState } from 'preact/hooks';
import { isApiError } from '../api/ApiError';
import type { Api } from '../api/client';
import type {
  DeliveryRecord,
  DeliveryState,
  DestinationView,
  Member,
  ReplayInput,
} from '../api/types';
import { FormError } from '../components/FormError';
import { useStrings } from '../i18n/context';
import { DeliveryLog } from './DeliveryLog';
import { Destinations } from './Destinations';
import { ReplayRange } from './ReplayRange';

const STATES: DeliveryState[] = ['pending', 'delivered', 'dead'];

export interface DeliveriesPanelProps {
  api: Api;
  me: Member;
  announce(message: string): void;
}

/**
 * The outbox made visible (issue 12): each destination's health, the delivery log with every
 * attempt, dead letters (the `dead` state), and for owners replay and re-enabling. The collector
 * checks the role again (`manage`), so hiding the buttons is a courtesy, not the guard.
 */
export function DeliveriesPanel({ api, me, announce }: DeliveriesPanelProps) {
  const s = useStrings().deliveries;
  const owner = me.role === 'owner';
  const [destinations, setDestinations] = useState<DestinationView[]>([]);
  const [rows, setRows] = useState<DeliveryRecord[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [destination, setDestination] = useState('');
  const [state, setState] = useState<DeliveryState | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const query = () => ({
    ...(destination ? { destination } : {}),
    ...(state ? { state } : {}),
  });

  const load = async () => {
    const [list, page] = await Promise.all([api.destinations(), api.deliveries(query())]);
    setDestinations(list);
    setRows(page.deliveries);
    setCursor(page.nextCursor);
  };

  const guard = async (work: () => Promise<void>) => {
    setError('');
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setError(isApiError(e) ? e.message : s.failed);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => void guard(load), [api, destination, state]);

  const more = () =>
    guard(async () => {
      if (!cursor) return;
      const page = await api.deliveries({ ...query(), cursor });
      setRows((r) => [...r, ...page.deliveries]);
      setCursor(page.nextCursor);
    });

  const replay = (input: ReplayInput) =>
    guard(async () => {
      announce(s.replayed(await api.replay(input)));
      await load();
    });

  const enable = (id: string) =>
    guard(async () => {
      await api.enableDestination(id);
      announce(s.enabled(id));
      await load();
    });

  return (
    <section class="deliveries" aria-labelledby="deliveries-title" aria-busy={busy}>
      <h2 id="deliveries-title">{s.title}</h2>
      <p class="hint">{s.intro}</p>
      <FormError message={error} />
      <Destinations destinations={destinations} owner={owner} busy={busy} onEnable={enable} />
      <div class="filters">
        <label>
          {s.destination}
          <select
            name="delivery-destination"
            value={destination}
            onChange={(e) => setDestination(e.currentTarget.value)}
          >
            <option value="">{s.all}</option>
            {destinations.map((d) => (
              <option key={d.id} value={d.id}>
                {d.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {s.state}
          <select
            name="delivery-state"
            value={state}
            onChange={(e) => setState(e.currentTarget.value as DeliveryState | '')}
          >
            <option value="">{s.all}</option>
            {STATES.map((st) => (
              <option key={st} value={st}>
                {s.states[st]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void guard(load)} disabled={busy}>
          {s.refresh}
        </button>
      </div>
      <div class="table-scroll">
        <DeliveryLog
          rows={rows}
          owner={owner}
          busy={busy}
          onReplay={(r) => void replay({ eventId: r.eventId, destination: r.destination })}
        />
      </div>
      {cursor && (
        <button type="button" onClick={() => void more()} disabled={busy}>
          {s.more}
        </button>
      )}
      {owner ? (
        <ReplayRange
          destinations={destinations.map((d) => d.id)}
          busy={busy}
          onReplay={(input) => void replay(input)}
        />
      ) : (
        <p class="note">{s.ownersOnly}</p>
      )}
    </section>
  );
}
