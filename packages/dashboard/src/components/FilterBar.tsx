import type { DayRange } from '../lib/date-range';
import { SCALE_NAMES, SCALES, type Scale } from '../lib/scales';

export interface Filters {
  range: DayRange;
  interactionType: string;
  scale: Scale | '';
}

export interface FilterBarProps {
  value: Filters;
  /** Interaction types seen so far, offered as suggestions. */
  types: string[];
  onChange(next: Filters): void;
}

/** Date range (UTC days, both ends included), interaction type and scale; applied as you change them. */
export function FilterBar({ value, types, onChange }: FilterBarProps) {
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  return (
    <form
      class="filters"
      aria-label="Filters"
      onSubmit={(e) => {
        // Enter in the type field applies it at once (the others apply on change).
        e.preventDefault();
        const type = new FormData(e.currentTarget).get('interactionType');
        if (typeof type === 'string') set({ interactionType: type.trim() });
      }}
    >
      <label>
        From (UTC)
        <input
          type="date"
          name="from"
          value={value.range.from}
          max={value.range.to || undefined}
          onChange={(e) => set({ range: { ...value.range, from: e.currentTarget.value } })}
        />
      </label>
      <label>
        To (UTC)
        <input
          type="date"
          name="to"
          value={value.range.to}
          min={value.range.from || undefined}
          onChange={(e) => set({ range: { ...value.range, to: e.currentTarget.value } })}
        />
      </label>
      <label>
        Interaction type
        <input
          name="interactionType"
          list="interaction-types"
          maxLength={64}
          placeholder="All"
          value={value.interactionType}
          onChange={(e) => set({ interactionType: e.currentTarget.value.trim() })}
        />
        <datalist id="interaction-types">
          {types.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </label>
      <label>
        Scale
        <select
          name="scale"
          value={value.scale}
          onChange={(e) => set({ scale: e.currentTarget.value as Scale | '' })}
        >
          <option value="">All scales</option>
          {(Object.keys(SCALES) as Scale[]).map((s) => (
            <option key={s} value={s}>
              {SCALE_NAMES[s]}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
