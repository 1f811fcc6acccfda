import { LIMITS } from '@raaye/core/contract';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ResolvedLocale } from '../i18n/resolve-locale';
import { isLow } from '../scale-items';
import type { Layout, PromptConfig } from '../types';
import { FollowUps } from './FollowUps';
import { trapTab } from './focus';
import { ScaleInput } from './ScaleInput';

export interface SubmitInput {
  score: number;
  tags: string[];
  comment: string;
}

export interface RatingPromptProps {
  /** Unique per prompt; prefixes element ids inside the shadow root. */
  uid: string;
  prompt: PromptConfig;
  layout: Layout;
  locale: ResolvedLocale;
  /** Resolves with whether the rating is only saved (offline), rejects when it could not be saved. */
  onSubmit: (input: SubmitInput) => Promise<{ queued: boolean }>;
  onDismiss: (reason: 'close' | 'escape' | 'outside') => void;
  /** Called when the thank-you has been shown long enough. */
  onDone: () => void;
  thanksMs: number;
}

const clip = (list: string[] | undefined) =>
  (list ?? []).slice(0, LIMITS.tags).map((t) => String(t).slice(0, LIMITS.tag));

/**
 * One prompt: the question and scale; after a score, follow-ups and submit; then a thank-you in a
 * live region that closes itself. All config text is rendered as text nodes, never as HTML.
 */
export function RatingPrompt(props: RatingPromptProps) {
  const { uid, prompt, layout, locale, thanksMs } = props;
  const s = locale.strings;
  const scale = prompt.scale ?? 'stars5';
  const required = !!prompt.required;
  const modal = layout !== 'inline' && (required || layout === 'modal');
  const [score, setScore] = useState<number | undefined>(undefined);
  const [tags, setTags] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  // Move focus into the prompt when it opens (inline prompts leave the page's focus alone).
  useLayoutEffect(() => {
    if (layout === 'inline') return;
    box.current?.querySelector<HTMLElement>('input')?.focus();
  }, [layout]);

  useEffect(() => {
    if (!done) return;
    const t = setTimeout(props.onDone, thanksMs);
    return () => clearTimeout(t);
  }, [done]);

  const low = score !== undefined && isLow(scale, score);
  const tagList = score === undefined ? [] : clip(low ? prompt.tags?.low : prompt.tags?.high);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (score === undefined || busy) return;
    setBusy(true);
    setError('');
    try {
      const { queued } = await props.onSubmit({ score, tags, comment: comment.trim() });
      setStatus(queued ? s.saved : s.thanks);
      setDone(true);
      box.current?.focus();
    } catch {
      setError(s.error);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      if (!required) props.onDismiss('escape');
      return;
    }
    if (modal && box.current) trapTab(e, box.current);
  };

  const titleId = `${uid}-t`;
  const subId = prompt.subtitle ? `${uid}-s` : undefined;
  const dialog = (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is dialog whenever aria-modal is set
    // biome-ignore lint/a11y/noStaticElementInteractions: keydown implements Escape and the focus trap of the dialog
    <div
      ref={box}
      class={`box ${layout}`}
      role={layout === 'inline' ? 'region' : 'dialog'}
      aria-modal={modal ? 'true' : undefined}
      aria-labelledby={done ? `${uid}-st` : titleId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      {!required && (
        <button
          type="button"
          class="close"
          aria-label={s.close}
          onClick={() => props.onDismiss('close')}
        >
          <span aria-hidden="true">×</span>
        </button>
      )}
      {!done && (
        <form onSubmit={submit} noValidate>
          <ScaleInput
            id={titleId}
            scale={scale}
            title={prompt.title ?? s.title}
            subtitleId={subId}
            locale={locale}
            value={score}
            onChange={setScore}
          />
          {subId && (
            <p id={subId} class="sub">
              {prompt.subtitle}
            </p>
          )}
          {score !== undefined && (
            <>
              <FollowUps
                id={uid}
                heading={low ? s.wentWrong : s.wentWell}
                tags={tagList}
                chosen={tags}
                onToggle={(t) =>
                  setTags((c) => (c.includes(t) ? c.filter((x) => x !== t) : [...c, t]))
                }
                commentLabel={prompt.comment === false ? undefined : s.comment}
                comment={comment}
                onComment={setComment}
              />
              <button type="submit" class="submit" disabled={busy}>
                {s.submit}
              </button>
            </>
          )}
        </form>
      )}
      <div role="status" id={`${uid}-st`} class="thanks">
        {status}
      </div>
      <div role="alert" class="err">
        {error}
      </div>
    </div>
  );
  if (layout === 'inline')
    return (
      <div dir={locale.dir} lang={locale.code}>
        {dialog}
      </div>
    );
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the backdrop is a pointer target; Escape is its keyboard equivalent
    // biome-ignore lint/a11y/noStaticElementInteractions: see above
    <div
      class={modal ? 'overlay modal-overlay' : 'overlay'}
      dir={locale.dir}
      lang={locale.code}
      onClick={(e) => {
        if (e.target === e.currentTarget && !required && modal) props.onDismiss('outside');
      }}
    >
      {dialog}
    </div>
  );
}
