import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isApiError } from '../api/ApiError';
import type { Api } from '../api/client';
import type { Coverage, FollowUp, RatingFilter, Session, Stats } from '../api/types';
import { CoveragePanel } from '../coverage/CoveragePanel';
import { Deliveries } from '../deliveries/LazyDeliveries';
import { useStrings } from '../i18n/context';
import { type InboxFilter, InboxView } from '../inbox/InboxView';
import { INBOX_PAGE, loadInbox } from '../inbox/load-inbox';
import { lastDays, rangeFilter } from '../lib/date-range';
import { Poller } from '../lib/poller';
import { RatingsView } from '../ratings/RatingsView';
import { Scores } from '../scores/Scores';
import { Members } from '../team/Members';
import { Metrics } from '../team/Metrics';
import { Settings } from '../team/Settings';
import { Tokens } from '../team/Tokens';
import { FilterBar, type Filters } from './FilterBar';
import { LanguagePicker } from './LanguagePicker';

export interface DashboardProps {
  api: Api;
  session: Session;
  onLogout(everywhere: boolean): void;
  /** The session ended mid-way (expired, signed out elsewhere). */
  onUnauthorized(): void;
  /** @default 5000 */
  pollMs?: number;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
  onLanguage(lang: string): void;
}

type Live =
  | { state: 'loading' }
  | { state: 'live'; at: number }
  | { state: 'error'; message: string };

/** Scores, the team inbox, SLA figures and (for owners) members, refreshed while visible. */
export function Dashboard(props: DashboardProps) {
  const { api, session, onLogout, onUnauthorized, pollMs, now } = props;
  const t = useStrings();
  const clock = now ?? Date.now;
  const [filters, setFilters] = useState<Filters>(() => ({
    range: lastDays(30, clock()),
    interactionType: '',
    scale: '',
  }));
  const [inboxFilter, setInboxFilter] = useState<InboxFilter>({
    view: 'waiting',
    whose: 'everyone',
    order: 'newest',
  });
  // How many follow-ups the inbox shows: a page more per "Load more", back to one on a new view.
  const [want, setWant] = useState(INBOX_PAGE);
  const [more, setMore] = useState(false);
  const [stats, setStats] = useState<Stats | null>(null);
  const [items, setItems] = useState<FollowUp[] | null>(null);
  const [at, setAt] = useState(clock());
  const [live, setLive] = useState<Live>({ state: 'loading' });
  const [paused, setPaused] = useState(false);
  const [message, setMessage] = useState('');
  const poller = useRef<Poller | null>(null);

  const filter = useMemo<RatingFilter>(() => {
    const f: RatingFilter = rangeFilter(filters.range);
    if (filters.interactionType) f.interactionType = filters.interactionType;
    if (filters.scale) f.scale = filters.scale;
    return f;
  }, [filters]);

  useEffect(() => {
    let current = true;
    const statuses =
      inboxFilter.view === 'waiting'
        ? (['open', 'assigned'] as const)
        : inboxFilter.view === 'replied'
          ? (['replied'] as const)
          : (['resolved', 'closed'] as const);
    const assignee =
      inboxFilter.whose === 'everyone' ? undefined : inboxFilter.whose === 'mine' ? 'me' : 'none';
    const p = new Poller(
      async () => {
        try {
          const [s, inbox] = await Promise.all([
            api.stats(filter),
            loadInbox(
              api,
              {
                statuses: [...statuses],
                order: inboxFilter.order,
                ...(assignee ? { assignee } : {}),
              },
              want,
            ),
          ]);
          if (!current) return;
          setStats(s);
          setItems(inbox.items);
          setMore(inbox.more);
          setAt(clock());
          setLive({ state: 'live', at: clock() });
        } catch (e) {
          if (!current) return;
          if (isApiError(e) && e.status === 401) onUnauthorized();
          else setLive({ state: 'error', message: isApiError(e) ? e.message : String(e) });
        }
      },
      { intervalMs: pollMs ?? 5000 },
    );
    const onVisibility = () => setPaused(document.hidden);
    document.addEventListener('visibilitychange', onVisibility);
    poller.current = p;
    p.start();
    return () => {
      current = false;
      p.stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [api, filter, inboxFilter, want, pollMs]);

  const me = session.member;
  const waiting = inboxFilter.view === 'waiting' ? (items ?? []) : [];
  const overdue = waiting.filter((i) => Date.parse(i.dueAt) <= at).length;

  return (
    <>
      <header class="top">
        <h1>
          {t.appName}
          <span class="site"> · {t.site(session.site)}</span>
        </h1>
        <p class="who">{t.team.signedInAs(me.name, t.team.roles[me.role])}</p>
        <p class={`live live-${live.state}`} data-live={live.state}>
          {live.state === 'loading'
            ? t.loading
            : live.state === 'error'
              ? t.notUpdating(live.message)
              : paused
                ? t.paused
                : t.updatedAt(new Date(live.at).toLocaleTimeString(`${t.lang}-u-nu-latn`))}
        </p>
        <LanguagePicker onChange={props.onLanguage} />
        <button type="button" onClick={() => onLogout(false)}>
          {t.logOut}
        </button>
        <button type="button" onClick={() => onLogout(true)}>
          {t.team.signOutEverywhere}
        </button>
      </header>
      <main>
        <FilterBar value={filters} types={[]} onChange={setFilters} />
        <div class="visually-hidden" role="status">
          {message}
        </div>
        {stats && items ? (
          <div class="panels" aria-busy={live.state === 'loading'}>
            <Scores
              stats={stats}
              scale={filters.scale || undefined}
              firstDay={filters.range.from || undefined}
              lastDay={filters.range.to || undefined}
              awaiting={waiting.length}
              overdue={overdue}
            />
            <CoveragePanel coverage={(stats as { coverage?: Coverage }).coverage} />
            <InboxView
              api={api}
              items={items}
              filter={inboxFilter}
              onFilter={(next) => {
                setWant(INBOX_PAGE);
                setInboxFilter(next);
              }}
              more={more}
              onMore={() => setWant(want + INBOX_PAGE)}
              me={me}
              now={at}
              onChanged={() => void poller.current?.run()}
              announce={setMessage}
            />
            <Metrics api={api} filter={filter} />
            <RatingsView api={api} filter={filter} />
            {me.role === 'owner' && (
              <>
                <Members api={api} me={me} announce={setMessage} />
                <Tokens api={api} announce={setMessage} />
                <Settings api={api} announce={setMessage} />
              </>
            )}
            <Deliveries api={api} me={me} announce={setMessage} />
          </div>
        ) : (
          <p class="empty">{live.state === 'error' ? live.message : t.loading}</p>
        )}
      </main>
    </>
  );
}
