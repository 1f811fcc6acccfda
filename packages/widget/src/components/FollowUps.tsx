import { LIMITS } from '@raaye/core/contract';

interface Props {
  id: string;
  heading: string;
  tags: string[];
  chosen: string[];
  onToggle: (tag: string) => void;
  commentLabel: string | undefined;
  comment: string;
  onComment: (text: string) => void;
}

/** Tag chips (checkboxes in a fieldset) and the optional comment; all of it may be skipped. */
export function FollowUps(p: Props) {
  return (
    <>
      {p.tags.length > 0 && (
        <fieldset class="tags">
          <legend>{p.heading}</legend>
          <div class="chips">
            {p.tags.map((tag) => (
              <label key={tag} class="chip">
                <input
                  type="checkbox"
                  checked={p.chosen.includes(tag)}
                  onChange={() => p.onToggle(tag)}
                />
                <span>
                  <bdi>{tag}</bdi>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {p.commentLabel !== undefined && (
        <div class="comment">
          <label for={`${p.id}-comment`}>{p.commentLabel}</label>
          <textarea
            id={`${p.id}-comment`}
            rows={3}
            maxLength={LIMITS.comment}
            value={p.comment}
            onInput={(e) => p.onComment((e.currentTarget as HTMLTextAreaElement).value)}
            // The on-screen keyboard may cover the field; keep it in view once the viewport shrinks.
            onFocus={(e) => {
              const el = e.currentTarget as HTMLElement;
              setTimeout(() => el.scrollIntoView?.({ block: 'nearest' }), 300);
            }}
          />
        </div>
      )}
    </>
  );
}
