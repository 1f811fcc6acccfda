import { useState } from 'preact/hooks';
import { isApiError } from '../api/ApiError';
import type { Api } from '../api/client';
import type { FollowUp, Member } from '../api/types';
import { FormError } from '../components/FormError';
import { useStrings } from '../i18n/context';
import { formatDuration } from '../lib/sla';
import { FollowUpPanel } from './FollowUpPanel';

export interface InboxFilter {
  view: 'waiting' | 'replied' | 'done';
  whose: 'everyone' | 'mine' | 'nobody';
  /** Newest first (a spam burst cannot bury the latest complaint) or by time left. */
  order: 'newest' | 'due';
}

export interface InboxViewProps {
  api: Api;
  /** As the collector sorted them (`filter.order`). */
  items: FollowUp[];
  filter: InboxFilter;
  onFilter(next: InboxFilter): void;
  /** More follow-ups follow the ones shown. */
  more: boolean;
  onMore(): void;
  me: Member;
  now: number;
  onChanged(): void;
  announce(message: string): void;
}

/** The team inbox: follow-ups by time left, with bulk actions and one follow-up opened at a time. */
export function InboxView({
  api,
  items,
  filter,
  onFilter,
  more,
  onMore,
  me,
  now,
  onChanged,
  announce,
}: InboxViewProps) {
  const t = useStrings();
  const tt = t.team;
  const tr = t.browse;
  const canWork = me.role !== 'viewer';
  const [openId, setOpenId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulk, setBulk] = useState<'resolve' | 'close'>('resolve');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const overdue = items.filter((i) => i.firstReplyAt === null && Date.parse(i.dueAt) <= now).length;
  const shownSelected = items.filter((i) => selected.has(i.id)).map((i) => i.id);
  // Another list: nothing stays open or selected from the last one.
  const refilter = (next: InboxFilter) => {
    setOpenId(null);
    setSelected(new Set());
    onFilter(next);
  };

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  const applyBulk = async (event: Event) => {
    event.preventDefault();
    setError('');
    try {
      await api.bulk(
        shownSelected,
        bulk === 'resolve' ? { action: 'resolve' } : { action: 'close', reason: reason.trim() },
      );
      setSelected(new Set());
      setReason('');
      announce(tt.saved);
      onChanged();
    } catch (e) {
      setError(
        isApiError(e) && e.status === 403 ? tt.forbidden : isApiError(e) ? e.message : tt.failed,
      );
    }
  };

  const timeText = (i: FollowUp) => {
    if (i.firstReplyAt) return tt.answered;
    const left = Date.parse(i.dueAt) - now;
    return left > 0
      ? tt.timeLeft(formatDuration(left, t.units))
      : tt.overdueBy(formatDuration(-left, t.units));
  };

  return (
    <section class="inbox" aria-labelledby="inbox-title">
      <h2 id="inbox-title" tabIndex={-1}>
        {tt.inbox}
      </h2>
      <p class="summary" data-inbox-summary>
        {tt.inboxSummary(filter.view === 'waiting' ? items.length : 0, overdue)}
      </p>
      <div class="inbox-tools">
        <label>
          {tt.view}
          <select
            value={filter.view}
            onChange={(e) =>
              refilter({ ...filter, view: e.currentTarget.value as InboxFilter['view'] })
            }
          >
            <option value="waiting">{tt.waiting}</option>
            <option value="replied">{tt.replied}</option>
            <option value="done">{tt.done}</option>
          </select>
        </label>
        <label>
          {tt.whose}
          <select
            value={filter.whose}
            onChange={(e) =>
              refilter({ ...filter, whose: e.currentTarget.value as InboxFilter['whose'] })
            }
          >
            <option value="everyone">{tt.everyone}</option>
            <option value="mine">{tt.mine}</option>
            <option value="nobody">{tt.unassigned}</option>
          </select>
        </label>
        <label>
          {tr.order}
          <select
            value={filter.order}
            onChange={(e) =>
              refilter({ ...filter, order: e.currentTarget.value as InboxFilter['order'] })
            }
          >
            <option value="newest">{tr.newestFirst}</option>
            <option value="due">{tr.byTimeLeft}</option>
          </select>
        </label>
      </div>
      {canWork && shownSelected.length > 0 && (
        <form class="bulk" onSubmit={applyBulk}>
          <p>{tt.selected(shownSelected.length)}</p>
          <label>
            {tt.bulkActions}
            <select
              value={bulk}
              onChange={(e) => setBulk(e.currentTarget.value as 'resolve' | 'close')}
            >
              <option value="resolve">{tt.resolve}</option>
              <option value="close">{tt.closeWithReason}</option>
            </select>
          </label>
          {bulk === 'close' && (
            <label>
              {tt.reason}
              <input required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
          )}
          <button type="submit">{tt.apply}</button>
        </form>
      )}
      <FormError message={error} />
      {items.length === 0 ? (
        <p class="empty">{tt.nothing}</p>
      ) : (
        <ol class="follow-ups" aria-label={t.listLabel(items.length)}>
          {items.map((i) => {
            const late = !i.firstReplyAt && Date.parse(i.dueAt) <= now;
            const label = `${t.scoreText(i.rating.scale, i.rating.score)}: ${i.rating.comment ?? t.noComment}`;
            return (
              <li key={i.id}>
                <article
                  class={`card${late ? ' overdue' : ''}`}
                  aria-labelledby={`fu-${i.id}`}
                  data-follow-up={i.id}
                >
                  {canWork && (
                    <input
                      type="checkbox"
                      class="pick"
                      aria-label={tt.select(label)}
                      checked={selected.has(i.id)}
                      onChange={(e) => toggle(i.id, e.currentTarget.checked)}
                    />
                  )}
                  <h3 id={`fu-${i.id}`}>{t.scoreText(i.rating.scale, i.rating.score)}</h3>
                  <p class="comment">{i.rating.comment ?? <em>{t.noComment}</em>}</p>
                  <dl class="facts">
                    <div>
                      <dt>{tt.status}</dt>
                      <dd data-status>{tt.statuses[i.status]}</dd>
                    </div>
                    <div>
                      <dt>{tt.assignee}</dt>
                      <dd data-assignee>{i.assignee?.name ?? tt.nobody}</dd>
                    </div>
                    <div>
                      <dt>{t.type}</dt>
                      <dd>{i.rating.interactionType ?? '–'}</dd>
                    </div>
                  </dl>
                  <p class={`sla ${late ? 'sla-overdue' : 'sla-due'}`}>{timeText(i)}</p>
                  <button
                    type="button"
                    aria-expanded={openId === i.id}
                    onClick={() => setOpenId(openId === i.id ? null : i.id)}
                  >
                    {openId === i.id ? tt.close : tt.open}
                    <span class="visually-hidden"> {label}</span>
                  </button>
                  {openId === i.id && (
                    <FollowUpPanel
                      api={api}
                      id={i.id}
                      me={me}
                      onChanged={onChanged}
                      announce={announce}
                    />
                  )}
                </article>
              </li>
            );
          })}
        </ol>
      )}
      {more && (
        <button type="button" class="more" onClick={onMore}>
          {tr.loadMore}
        </button>
      )}
    </section>
  );
}
