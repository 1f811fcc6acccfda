import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isApiError } from '../api/ApiError';
import type { Api, FollowUpPage } from '../api/client';
import type { RatingFilter, Reply, Stats } from '../api/types';
import { CoveragePanel } from '../coverage/CoveragePanel';
import type { Coverage } from '../coverage/types';
import { useStrings } from '../i18n/context';
import { Inbox } from '../inbox/Inbox';
import { inRange, lastDays, rangeFilter } from '../lib/date-range';
import { Poller } from '../lib/poller';
import { slaState } from '../lib/sla';
import { Scores } from '../scores/Scores';
import { FilterBar, type Filters } from './FilterBar';
import { LanguagePicker } from './LanguagePicker';

export interface DashboardProps {
  api: Api;
  onLogout(): void;
  /** The key was refused mid-session (rotated, say). */
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

/** Scores and inbox for one site, refreshed every few seconds while the tab is visible. */
export function Dashboard(props: DashboardProps) {
  const { api, onLogout, onUnauthorized, pollMs, now } = props;
  const t = useStrings();
  const clock = now ?? Date.now;
  const [filters, setFilters] = useState<Filters>(() => ({
    range: lastDays(30, clock()),
    interactionType: '',
    scale: '',
  }));
  const [stats, setStats] = useState<Stats | null>(null);
  const [followUps, setFollowUps] = useState<FollowUpPage | null>(null);
  const [at, setAt] = useState(clock());
  const [live, setLive] = useState<Live>({ state: 'loading' });
  const [paused, setPaused] = useState(false);
  const [message, setMessage] = useState('');
  const poller = useRef<Poller | null>(null);
  // Ids already in the inbox, to announce new arrivals (not the first load) to screen readers.
  const seen = useRef<Set<string> | null>(null);
  const strings = useRef(t);
  strings.current = t;

  const filter = useMemo<RatingFilter>(() => {
    const f: RatingFilter = rangeFilter(filters.range);
    if (filters.interactionType) f.interactionType = filters.interactionType;
    if (filters.scale) f.scale = filters.scale;
    return f;
  }, [filters]);

  useEffect(() => {
    let current = true;
    const p = new Poller(
      async () => {
        try {
          const [s, f] = await Promise.all([api.stats(filter), api.followUps()]);
          if (!current) return;
          setStats(s);
          setFollowUps(f);
          const fresh = seen.current ? f.items.filter((i) => !seen.current!.has(i.id)).length : 0;
          seen.current = new Set(f.items.map((i) => i.id));
          if (fresh > 0) setMessage(strings.current.newFollowUps(fresh));
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
    // A new filter (or key) restarts polling; clock and callbacks are stable for a session.
  }, [api, filter, pollMs]);

  const onReplied = (reply: Reply) => {
    setFollowUps((page) =>
      page ? { ...page, items: page.items.filter((i) => i.id !== reply.id) } : page,
    );
    void poller.current?.run();
  };

  const all = followUps?.items ?? [];
  const sameKind = all.filter(
    (i) =>
      (!filter.interactionType || i.interactionType === filter.interactionType) &&
      (!filter.scale || i.scale === filter.scale),
  );
  const items = sameKind.filter((i) => inRange(i.eventTime, filter));
  const overdue = items.filter((i) => slaState(i.eventTime, at).status === 'overdue').length;
  const types = [...new Set(all.map((i) => i.interactionType).filter((t) => t !== null))].sort();

  return (
    <>
      <header class="top">
        <h1>
          {t.appName}
          {stats && <span class="site"> · {t.site(stats.site)}</span>}
        </h1>
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
        <button type="button" onClick={onLogout}>
          {t.logOut}
        </button>
      </header>
      <main>
        <FilterBar value={filters} types={types} onChange={setFilters} />
        <div class="visually-hidden" role="status">
          {message}
        </div>
        {stats && followUps ? (
          <div class="panels" aria-busy={live.state === 'loading'}>
            <Scores
              stats={stats}
              scale={filters.scale || undefined}
              firstDay={filters.range.from || undefined}
              lastDay={filters.range.to || undefined}
              awaiting={items.length}
              overdue={overdue}
            />
            <CoveragePanel coverage={(stats as { coverage?: Coverage }).coverage} />
            <Inbox
              api={api}
              items={items}
              filter={filter}
              now={at}
              outsideRange={sameKind.length - items.length}
              truncated={followUps.truncated}
              onReplied={onReplied}
              announce={setMessage}
            />
          </div>
        ) : (
          <p class="empty">{live.state === 'error' ? live.message : t.loading}</p>
        )}
      </main>
    </>
  );
}
