import { useState } from 'preact/hooks';
import type { ReplayInput } from '../api/types';
import { Field } from '../components/Field';
import { useStrings } from '../i18n/context';

/** `datetime-local` has no zone; the dashboard's times are UTC, so these are too. */
const utc = (local: string) => (local ? new Date(`${local}:00Z`).toISOString() : undefined);

/** Owners: send a time range of events again, to one destination or all. */
export function ReplayRange({
  destinations,
  busy,
  onReplay,
}: {
  destinations: string[];
  busy: boolean;
  onReplay(input: ReplayInput): void;
}) {
  const s = useStrings().deliveries;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [destination, setDestination] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    const start = utc(from);
    if (!start) return;
    const end = utc(to);
    onReplay({
      from: start,
      ...(end ? { to: end } : {}),
      ...(destination ? { destination } : {}),
    });
  };
  return (
    <>
      <h3 id="replay-range-title">{s.replayRange}</h3>
      <p class="hint" id="replay-range-hint">
        {s.replayHint}
      </p>
      <form
        class="replay-range filters"
        onSubmit={submit}
        aria-labelledby="replay-range-title"
        aria-describedby="replay-range-hint"
      >
        <Field
          label={s.from}
          type="datetime-local"
          name="replay-from"
          required
          value={from}
          onValue={setFrom}
        />
        <Field label={s.to} type="datetime-local" name="replay-to" value={to} onValue={setTo} />
        <label>
          {s.destination}
          <select value={destination} onChange={(e) => setDestination(e.currentTarget.value)}>
            <option value="">{s.all}</option>
            {destinations.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {s.replay}
        </button>
      </form>
    </>
  );
}
