import type { Api } from '../api/client';
import type { Reply, StoredRating } from '../api/types';
import { useStrings } from '../i18n/context';
import { formatUtc } from '../lib/format';
import { formatDuration } from '../lib/sla';
import { ReplyForm } from './ReplyForm';
import { ReplyOutcome } from './ReplyOutcome';
import { SlaBadge } from './SlaBadge';

export interface FollowUpCardProps {
  api: Api;
  item: StoredRating;
  now: number;
  replying: boolean;
  defaultBy: string;
  onReplyOpen(id: string | null): void;
  onReplied(reply: Reply): void;
}

/**
 * One low rating. Everything the customer or the site sent (comment, tags, ids) is rendered as
 * text nodes, never as HTML, and isolated for bidi so Arabic or Hebrew text cannot reorder the
 * labels around it.
 */
export function FollowUpCard(props: FollowUpCardProps) {
  const t = useStrings();
  const { item, now, replying } = props;
  const titleId = `fu-${item.id}`;
  return (
    <article class="follow-up" aria-labelledby={titleId} data-id={item.id} tabIndex={-1}>
      <header>
        <h3 id={titleId}>
          <span class="score">{t.scoreText(item.scale, item.score)}</span>
          <span class="sep" aria-hidden="true">
            ·
          </span>
          <bdi class="interaction">{item.interactionId}</bdi>
        </h3>
        {!item.repliedAt && <SlaBadge eventTime={item.eventTime} now={now} />}
      </header>
      {item.comment ? (
        <p class="comment" dir="auto">
          {item.comment}
        </p>
      ) : (
        <p class="comment none">{t.noComment}</p>
      )}
      {item.tags && item.tags.length > 0 && (
        <ul class="tags" aria-label={t.tags}>
          {item.tags.map((tag, i) => (
            // Tags may repeat; the list never reorders, so the index is a stable key.
            <li key={i}>
              <bdi>{tag}</bdi>
            </li>
          ))}
        </ul>
      )}
      <dl class="facts">
        <div>
          <dt>{t.type}</dt>
          <dd>
            <bdi>{item.interactionType ?? '–'}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t.rater}</dt>
          <dd>
            <bdi>{item.userId ?? item.raterId}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t.age}</dt>
          <dd>
            <time dateTime={item.eventTime} title={formatUtc(item.eventTime)}>
              {t.ago(formatDuration(now - Date.parse(item.eventTime), t.units))}
            </time>
          </dd>
        </div>
      </dl>
      {item.repliedAt ? (
        <ReplyOutcome item={item} />
      ) : replying ? (
        <ReplyForm
          api={props.api}
          id={item.id}
          defaultBy={props.defaultBy}
          onDone={props.onReplied}
          onCancel={() => props.onReplyOpen(null)}
        />
      ) : (
        <button
          type="button"
          class="reply-button"
          aria-describedby={titleId}
          onClick={() => props.onReplyOpen(item.id)}
        >
          {t.markReplied}
        </button>
      )}
    </article>
  );
}
