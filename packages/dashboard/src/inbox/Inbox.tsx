import { useState } from 'preact/hooks';
import { isApiError } from '../api/ApiError';
import type { Api, ExportFormat } from '../api/client';
import type { RatingFilter, Reply, StoredRating } from '../api/types';
import { useStrings } from '../i18n/context';
import { download, toCsv, toNdjson } from '../lib/export-file';
import { slaState } from '../lib/sla';
import { FollowUpCard } from './FollowUpCard';
import { useReplied } from './use-replied';

export type SlaFilter = 'all' | 'overdue' | 'due';

export interface InboxProps {
  api: Api;
  /** Unreplied low ratings matching the shared filter, newest first. */
  items: StoredRating[];
  /** The shared filter, sent with the export so it reads the same ratings. */
  filter: RatingFilter;
  now: number;
  /** Unreplied low ratings left out only because of the date range. */
  outsideRange: number;
  truncated: boolean;
  onReplied(reply: Reply): void;
  announce(message: string): void;
}

/** Matches the search box against comment, tags, interaction and rater. */
export function matchesSearch(item: StoredRating, search: string): boolean {
  const q = search.trim().toLocaleLowerCase();
  if (!q) return true;
  const fields = [
    item.comment,
    item.interactionId,
    item.raterId,
    item.userId,
    ...(item.tags ?? []),
  ];
  return fields.some((f) => f?.toLocaleLowerCase().includes(q));
}

/** The follow-up inbox: low ratings nobody has answered yet, newest first. */
export function Inbox({ api, items, filter, now, outsideRange, truncated, ...props }: InboxProps) {
  const t = useStrings();
  const [search, setSearch] = useState('');
  const [sla, setSla] = useState<SlaFilter>('all');
  const [replying, setReplying] = useState<string | null>(null);
  const [by, setBy] = useState('');
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState('');
  const [view, setView] = useState<'awaiting' | 'replied'>('awaiting');
  const replied = useReplied(api, filter, view === 'replied', now);

  const shown =
    view === 'awaiting'
      ? items.filter(
          (item) =>
            matchesSearch(item, search) &&
            (sla === 'all' || slaState(item.eventTime, now).status === sla),
        )
      : (replied.rows ?? []).filter((item) => matchesSearch(item, search));
  const repliedError = replied.failed
    ? isApiError(replied.failed)
      ? replied.failed.message
      : t.exportFailed
    : '';

  const onReplied = (reply: Reply) => {
    const index = shown.findIndex((i) => i.id === reply.id);
    const next = shown[index + 1] ?? shown[index - 1];
    setReplying(null);
    setBy(reply.repliedBy);
    props.onReplied(reply);
    props.announce(t.markedReplied(reply.repliedBy));
    // Keep the keyboard user's place: the next card, else the inbox heading.
    requestAnimationFrame(() => {
      const target = next
        ? document.getElementById(`fu-${next.id}`)?.closest('article')
        : document.getElementById('inbox-title');
      target?.focus();
    });
  };

  const exportView = async (format: ExportFormat) => {
    setExporting(true);
    setError('');
    try {
      // The export endpoint applies the same date, type and scale filter; the inbox's own
      // narrowing (unreplied low ratings, search, SLA) is applied to its rows here.
      const rows = await api.exportRatings(filter);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const view = shown.map((i) => byId.get(i.id)).filter((r) => r !== undefined);
      const stamp = new Date(now).toISOString().slice(0, 19).replaceAll(':', '-');
      if (format === 'csv') download(toCsv(view), `follow-ups-${stamp}.csv`, 'text/csv');
      else download(toNdjson(view), `follow-ups-${stamp}.ndjson`, 'application/x-ndjson');
      props.announce(t.exported(view.length));
    } catch (e) {
      setError(isApiError(e) ? e.message : t.exportFailed);
    } finally {
      setExporting(false);
    }
  };

  const overdue = items.filter((i) => slaState(i.eventTime, now).status === 'overdue').length;

  return (
    <section class="inbox" aria-labelledby="inbox-title">
      <h2 id="inbox-title" tabIndex={-1}>
        {t.inbox}
      </h2>
      <p class="summary" data-inbox-summary>
        {t.inboxSummary(items.length, overdue)}
      </p>
      {outsideRange > 0 && <p class="notice">{t.outsideRange(outsideRange)}</p>}
      {truncated && <p class="notice">{t.truncated}</p>}
      <fieldset class="views">
        <legend class="visually-hidden">{t.show}</legend>
        {(['awaiting', 'replied'] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => {
              setView(v);
              setReplying(null);
            }}
          >
            {v === 'awaiting' ? t.awaitingView : t.repliedView}
          </button>
        ))}
      </fieldset>
      <div class="inbox-tools">
        <label>
          {t.search}
          <input
            type="search"
            value={search}
            onInput={(e) => setSearch(e.currentTarget.value)}
            placeholder={t.searchPlaceholder}
          />
        </label>
        {view === 'awaiting' && (
          <label>
            {t.replyStatus}
            <select value={sla} onChange={(e) => setSla(e.currentTarget.value as SlaFilter)}>
              <option value="all">{t.all}</option>
              <option value="overdue">{t.overdue}</option>
              <option value="due">{t.due}</option>
            </select>
          </label>
        )}
        <fieldset class="export">
          <legend class="visually-hidden">{t.exportView}</legend>
          <button type="button" disabled={exporting} onClick={() => exportView('csv')}>
            {t.exportCsv}
          </button>
          <button type="button" disabled={exporting} onClick={() => exportView('ndjson')}>
            {t.exportNdjson}
          </button>
        </fieldset>
      </div>
      {(error || repliedError) && (
        <p class="error" role="alert">
          {error || repliedError}
        </p>
      )}
      {view === 'replied' && replied.rows === null ? (
        <p class="empty">{t.loading}</p>
      ) : shown.length === 0 ? (
        <p class="empty">
          {view === 'replied'
            ? replied.rows?.length
              ? t.noMatch
              : t.nothingReplied
            : items.length === 0
              ? t.nothingAwaiting
              : t.noMatch}
        </p>
      ) : (
        <ol class="follow-ups" aria-label={t.listLabel(shown.length)}>
          {shown.map((item) => (
            <li key={item.id}>
              <FollowUpCard
                api={api}
                item={item}
                now={now}
                replying={replying === item.id}
                defaultBy={by}
                onReplyOpen={setReplying}
                onReplied={onReplied}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
