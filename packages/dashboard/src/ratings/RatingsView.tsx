import { CHANNELS, type RatingFilter, type RatingsQuery } from '@raaye/protocol';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Api } from '../api/client';
import { FormError } from '../components/FormError';
import { useStrings } from '../i18n/context';
import { RatingCard } from './RatingCard';
import { useRatingsPages } from './use-ratings-pages';

export interface RatingsViewProps {
  api: Api;
  /** The page's dates, interaction type and scale; this view adds its own filters. */
  filter: RatingFilter;
}

/** What the form edits; applied on submit, so typing a search sends nothing until Enter. */
interface Form {
  q: string;
  score: string;
  tag: string;
  channel: string;
  verified: string;
  comment: string;
}

const EMPTY: Form = { q: '', score: '', tag: '', channel: '', verified: '', comment: '' };
const SCORES = Array.from({ length: 11 }, (_, i) => i);

function toQuery(filter: RatingFilter, f: Form, customer: string): RatingsQuery {
  const q: RatingsQuery = { ...filter };
  if (f.q.trim()) q.q = f.q.trim();
  if (f.score) q.scores = [Number(f.score)];
  if (f.tag.trim()) q.tags = [f.tag.trim()];
  if (f.channel) q.channels = [f.channel as NonNullable<RatingsQuery['channels']>[number]];
  if (f.verified) q.verified = f.verified === 'true';
  if (f.comment) q.hasComment = f.comment === 'true';
  if (customer) q.customer = customer;
  return q;
}

/** Every rating, not only low ones: server-side filters, comment search, newest first by pages. */
export function RatingsView({ api, filter }: RatingsViewProps) {
  const t = useStrings();
  const tr = t.browse;
  const [form, setForm] = useState<Form>(EMPTY);
  const [applied, setApplied] = useState<Form>(EMPTY);
  const [customer, setCustomer] = useState('');
  const query = useMemo(() => toQuery(filter, applied, customer), [filter, applied, customer]);
  const pages = useRatingsPages(api, query);
  const [focusId, setFocusId] = useState('');
  useEffect(() => {
    if (focusId) document.getElementById(`rating-${focusId}`)?.focus();
  }, [focusId]);

  const field =
    (name: keyof Form) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) =>
      setForm({ ...form, [name]: e.currentTarget.value });
  const more = async () => {
    const first = await pages.loadMore();
    if (first) setFocusId(first.id);
  };
  // A customer's whole history: the page's dates still apply, this view's own filters do not.
  const showCustomer = (id: string) => {
    setForm(EMPTY);
    setApplied(EMPTY);
    setCustomer(id);
    document.getElementById('ratings-title')?.focus();
  };

  return (
    <section class="ratings" aria-labelledby="ratings-title">
      <h2 id="ratings-title" tabIndex={-1}>
        {tr.title}
      </h2>
      <p class="hint">{tr.intro}</p>
      <form
        class="inbox-tools"
        aria-label={tr.title}
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(form);
        }}
      >
        <label>
          {tr.search}
          <input
            type="search"
            name="q"
            maxLength={200}
            value={form.q}
            onInput={field('q')}
            aria-describedby="ratings-search-hint"
          />
        </label>
        <span id="ratings-search-hint" class="visually-hidden">
          {tr.searchHint}
        </span>
        <label>
          {tr.score}
          <select name="score" value={form.score} onChange={field('score')}>
            <option value="">{tr.anyScore}</option>
            {SCORES.map((s) => (
              <option key={s} value={String(s)}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tr.tag}
          <input name="tag" maxLength={64} value={form.tag} onInput={field('tag')} />
        </label>
        <label>
          {tr.channel}
          <select name="channel" value={form.channel} onChange={field('channel')}>
            <option value="">{tr.anyChannel}</option>
            {[...CHANNELS, 'unspecified' as const].map((c) => (
              <option key={c} value={c}>
                {tr.channels[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tr.rater}
          <select name="verified" value={form.verified} onChange={field('verified')}>
            <option value="">{tr.anyRater}</option>
            <option value="true">{tr.verifiedOnly}</option>
            <option value="false">{tr.unverifiedOnly}</option>
          </select>
        </label>
        <label>
          {tr.comment}
          <select name="comment" value={form.comment} onChange={field('comment')}>
            <option value="">{tr.anyComment}</option>
            <option value="true">{tr.withComment}</option>
            <option value="false">{tr.withoutComment}</option>
          </select>
        </label>
        <button type="submit" class="primary">
          {tr.find}
        </button>
        <button
          type="button"
          onClick={() => {
            setForm(EMPTY);
            setApplied(EMPTY);
            setCustomer('');
          }}
        >
          {tr.clear}
        </button>
      </form>
      {customer && (
        <p class="notice">
          <bdi>{tr.customer(customer)}</bdi>{' '}
          <button type="button" onClick={() => setCustomer('')}>
            {tr.everyCustomer}
          </button>
        </p>
      )}
      <FormError message={pages.error} />
      <p class="summary" role="status" data-ratings-summary>
        {pages.ratings === null
          ? t.loading
          : pages.ratings.length === 0
            ? tr.none
            : tr.shown(pages.ratings.length, pages.more)}
      </p>
      {pages.ratings && pages.ratings.length > 0 && (
        <ol class="follow-ups" aria-labelledby="ratings-title" aria-busy={pages.busy}>
          {pages.ratings.map((r) => (
            <li key={r.id}>
              <RatingCard rating={r} onCustomer={customer ? undefined : showCustomer} />
            </li>
          ))}
        </ol>
      )}
      {pages.more && (
        <button type="button" class="more" disabled={pages.busy} onClick={() => void more()}>
          {tr.loadMore}
        </button>
      )}
    </section>
  );
}
