import type { StoredRating } from '@raaye/protocol';
import { useStrings } from '../i18n/context';
import { formatUtc } from '../lib/format';

export interface RatingCardProps {
  rating: StoredRating;
  /** Lists this customer's ratings; no button when absent. */
  onCustomer?: (raterId: string) => void;
  /** Heading level of the card, under its list's heading. @default 3 */
  level?: 3 | 5;
}

/** One rating as text: score, comment, tags and where and when it was given. Never HTML. */
export function RatingCard({ rating: r, onCustomer, level = 3 }: RatingCardProps) {
  const t = useStrings();
  const Heading = level === 5 ? 'h5' : 'h3';
  const tr = t.browse;
  const score = t.scoreText(r.scale, r.score);
  return (
    // Focusable from script only: "Load more" moves focus to the first rating it added.
    <article class="rating" id={`rating-${r.id}`} tabIndex={-1} aria-labelledby={`rh-${r.id}`}>
      <Heading id={`rh-${r.id}`}>{score}</Heading>
      {/* dir="auto": an Urdu comment reads right to left in an English page, and the reverse. */}
      <p class={r.comment ? 'comment' : 'comment none'} dir="auto">
        {r.comment || t.noComment}
      </p>
      {r.tags && r.tags.length > 0 && (
        <ul class="tags" aria-label={t.tags}>
          {r.tags.map((tag) => (
            <li key={tag}>
              <bdi>{tag}</bdi>
            </li>
          ))}
        </ul>
      )}
      <dl class="facts">
        <div>
          <dt>{t.type}</dt>
          <dd>
            <bdi>{r.interactionType ?? '–'}</bdi>
          </dd>
        </div>
        <div>
          <dt>{tr.channel}</dt>
          <dd data-channel={r.channel ?? 'unspecified'}>
            {tr.channels[r.channel ?? 'unspecified']}
          </dd>
        </div>
        <div>
          <dt>{tr.rater}</dt>
          <dd>
            <bdi>{r.raterId}</bdi>
            {r.verified && ` (${tr.verified})`}
          </dd>
        </div>
        <div>
          <dt>{tr.when}</dt>
          <dd>
            <time dateTime={r.eventTime}>{formatUtc(r.eventTime)}</time>
          </dd>
        </div>
      </dl>
      {onCustomer && (
        <button type="button" onClick={() => onCustomer(r.raterId)}>
          {tr.customerRatings}
          <span class="visually-hidden">: {score}</span>
        </button>
      )}
    </article>
  );
}
