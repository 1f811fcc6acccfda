import type { Scale } from '@raaye/core/contract';
import type { ResolvedLocale } from '../i18n/resolve-locale';
import { scaleView } from '../scale-items';

interface Props {
  id: string;
  scale: Scale;
  title: string;
  subtitleId?: string;
  subtitle?: string;
  locale: ResolvedLocale;
  value: number | undefined;
  /** The score under the pointer, if any: its word is shown until the pointer leaves. */
  hover: number | undefined;
  onChange: (value: number) => void;
  onHover: (value: number | undefined) => void;
}

const NEXT: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * The score as a native radio group in a fieldset whose legend is the question. Arrow keys are
 * handled here (not left to the browser) so RTL and wrapping behave the same everywhere.
 */
export function ScaleInput({
  id,
  scale,
  title,
  subtitleId,
  subtitle,
  locale,
  value,
  hover,
  onChange,
  onHover,
}: Props) {
  const view = scaleView(scale, locale.strings, locale.code);
  const onKeyDown = (e: KeyboardEvent) => {
    const inputs = [...(e.currentTarget as HTMLElement).querySelectorAll('input')];
    // From the focused radio, not from state: keys can arrive faster than re-renders.
    const i = inputs.indexOf(e.target as HTMLInputElement);
    const n = inputs.length;
    // Left/right follow the visual order, which RTL mirrors.
    const step = (NEXT[e.key] ?? 0) * (locale.dir === 'rtl' && /Left|Right/.test(e.key) ? -1 : 1);
    if (!step) return;
    e.preventDefault();
    const to = i < 0 ? (step > 0 ? 0 : n - 1) : (i + step + n) % n;
    onChange(view.items[to]!.value);
    inputs[to]?.focus();
  };
  return (
    <fieldset
      class={`scale scale-${scale}`}
      aria-describedby={
        [subtitleId, view.ends && `${id}-ends`].filter(Boolean).join(' ') || undefined
      }
      onKeyDown={onKeyDown}
    >
      <legend id={id} class="title">
        <bdi>{title}</bdi>
      </legend>
      {subtitleId && (
        <p id={subtitleId} class="sub">
          <bdi>{subtitle}</bdi>
        </p>
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: hover only previews the word; the radios are the control */}
      <div class="options" onMouseLeave={() => onHover(undefined)}>
        {view.items.map((it) => {
          const on = view.fill ? value !== undefined && it.value <= value : it.value === value;
          return (
            <label
              key={it.value}
              class={on ? 'opt on' : 'opt'}
              onMouseEnter={() => onHover(it.value)}
            >
              <input
                type="radio"
                name={`${id}-score`}
                value={it.value}
                checked={it.value === value}
                aria-label={it.glyph === it.name ? undefined : it.name}
                onChange={() => onChange(it.value)}
              />
              <span aria-hidden={it.glyph === it.name ? undefined : 'true'}>{it.glyph}</span>
            </label>
          );
        })}
      </div>
      {/* The word for the hovered or chosen score; the radio's own name already says it to AT. */}
      <p class="word" aria-hidden="true">
        {view.items.find((it) => it.value === (hover ?? value))?.word}
      </p>
      {view.ends && (
        <div class="ends" id={`${id}-ends`}>
          <span>{view.ends[0]}</span>
          <span>{view.ends[1]}</span>
        </div>
      )}
    </fieldset>
  );
}
