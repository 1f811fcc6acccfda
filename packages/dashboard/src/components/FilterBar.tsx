import { useEffect, useState } from 'preact/hooks';
import { useStrings } from '../i18n/context';
import type { DayRange } from '../lib/date-range';
import { SCALES, type Scale } from '../lib/scales';

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
  const t = useStrings();
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  // What is being typed: the polls re-render every few seconds and must not undo it.
  const [type, setType] = useState(value.interactionType);
  useEffect(() => setType(value.interactionType), [value.interactionType]);
  const applyType = () => {
    if (type.trim() !== value.interactionType) set({ interactionType: type.trim() });
  };
  return (
    <form class="filters" aria-label={t.filters} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t.from}
        <input
          type="date"
          name="from"
          value={value.range.from}
          max={value.range.to || undefined}
          onChange={(e) => set({ range: { ...value.range, from: e.currentTarget.value } })}
        />
      </label>
      <label>
        {t.to}
        <input
          type="date"
          name="to"
          value={value.range.to}
          min={value.range.from || undefined}
          onChange={(e) => set({ range: { ...value.range, to: e.currentTarget.value } })}
        />
      </label>
      <label>
        {t.interactionType}
        <input
          name="interactionType"
          list="interaction-types"
          maxLength={64}
          placeholder={t.all}
          value={type}
          onInput={(e) => setType(e.currentTarget.value)}
          onChange={applyType}
          // Enter applies it at once (a form with several fields has no implicit submission).
          onKeyDown={(e) => e.key === 'Enter' && applyType()}
        />
        <datalist id="interaction-types">
          {types.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </label>
      <label>
        {t.scale}
        <select
          name="scale"
          value={value.scale}
          onChange={(e) => set({ scale: e.currentTarget.value as Scale | '' })}
        >
          <option value="">{t.allScales}</option>
          {(Object.keys(SCALES) as Scale[]).map((s) => (
            <option key={s} value={s}>
              {t.scaleNames[s]}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
