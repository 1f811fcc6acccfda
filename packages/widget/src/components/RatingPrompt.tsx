import { isLowScore, LIMITS } from '@raaye/protocol';
import { Component, createRef } from 'preact';
import type { ResolvedLocale } from '../i18n/resolve-locale';
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
interface State {
  score?: number;
  hover?: number;
  tags: string[];
  comment: string;
  busy: boolean;
  /** The thank-you text once the rating is saved. */
  status: string;
  error: string;
}

// A class rather than hooks: preact/hooks would cost ~0.9 KB of the script-tag budget.
export class RatingPrompt extends Component<RatingPromptProps, State> {
  override state: State = { tags: [], comment: '', busy: false, status: '', error: '' };
  private box = createRef<HTMLDivElement>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  override componentWillUnmount() {
    clearTimeout(this.timer);
  }

  private submit = async (e: Event) => {
    e.preventDefault();
    const { score, tags, comment, busy } = this.state;
    const p = this.props;
    if (score === undefined || busy) return;
    this.setState({ busy: true, error: '' });
    try {
      const { queued } = await p.onSubmit({ score, tags, comment: comment.trim() });
      this.setState({
        busy: false,
        status: queued ? p.locale.strings.saved : p.locale.strings.thanks,
      });
      this.box.current?.focus();
      this.timer = setTimeout(p.onDone, p.thanksMs);
    } catch {
      this.setState({ busy: false, error: p.locale.strings.error });
    }
  };

  private onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      if (!this.props.prompt.required) this.props.onDismiss('escape');
      return;
    }
    if (this.modal() && this.box.current) trapTab(e, this.box.current);
  };

  private modal() {
    const { layout, prompt } = this.props;
    return layout !== 'inline' && (!!prompt.required || layout === 'modal');
  }

  override render() {
    const props = this.props;
    const { uid, prompt, layout, locale } = props;
    const { score, hover, tags, comment, busy, status, error } = this.state;
    const who = prompt.subject;
    const done = !!status;
    const s = locale.strings;
    const scale = prompt.scale ?? 'stars5';
    const required = !!prompt.required;
    const modal = this.modal();
    const box = this.box;
    const onKeyDown = this.onKeyDown;
    const submit = this.submit;
    const low = score !== undefined && isLowScore(scale, score);
    const tagList = score === undefined ? [] : clip(low ? prompt.tags?.low : prompt.tags?.high);
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
            ×
          </button>
        )}
        {who && (
          <div class="who">
            {who.image && <img src={who.image} alt="" />}
            <p>
              <bdi>{who.name}</bdi>
              <small>
                <bdi>{who.detail}</bdi>
              </small>
            </p>
          </div>
        )}
        {!done && (
          <form onSubmit={submit}>
            <ScaleInput
              id={titleId}
              scale={scale}
              title={prompt.title ?? s.title}
              subtitleId={subId}
              subtitle={prompt.subtitle}
              locale={locale}
              value={score}
              hover={hover}
              onChange={(v) => this.setState({ score: v })}
              onHover={(v) => this.setState({ hover: v })}
            />

            {score !== undefined && (
              <>
                <FollowUps
                  id={uid}
                  heading={low ? s.wentWrong : s.wentWell}
                  tags={tagList}
                  chosen={tags}
                  onToggle={(t) =>
                    this.setState({
                      tags: tags.includes(t) ? tags.filter((x) => x !== t) : [...tags, t],
                    })
                  }
                  commentLabel={prompt.comment === false ? undefined : s.comment}
                  comment={comment}
                  onComment={(c) => this.setState({ comment: c })}
                />
                <button type="submit" class="submit" disabled={busy}>
                  {s.submit}
                </button>
              </>
            )}
          </form>
        )}
        <div role="status" id={`${uid}-st`} class="thanks">
          {done && <b aria-hidden="true">✓</b>}
          {status}
        </div>
        <div role="alert" class="err">
          {error}
        </div>
      </div>
    );
    return (
      // biome-ignore lint/a11y/useKeyWithClickEvents: the backdrop is a pointer target; Escape is its keyboard equivalent
      // biome-ignore lint/a11y/noStaticElementInteractions: see above
      <div
        class={layout === 'inline' ? undefined : modal ? 'overlay modal-overlay' : 'overlay'}
        dir={locale.dir}
        lang={locale.code}
        // Keep focus in the dialog when the backdrop is pressed.
        onMouseDown={(e) => e.target === e.currentTarget && e.preventDefault()}
        onClick={(e) => {
          if (e.target === e.currentTarget && !required && modal) props.onDismiss('outside');
        }}
      >
        {dialog}
      </div>
    );
  }
}
