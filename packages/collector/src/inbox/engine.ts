import type { SiteConfig } from '../config/types';
import type { Logger } from '../log/logger';
import { type Member, memberStore } from '../members/member-store';
import { raiseSlaAlerts } from '../sla/alerts';
import type { SqlClient } from '../store/sql-client';
import { sendDigest } from './digest';
import type { EmitEvents } from './events';
import { BATCH, materialize } from './materialize';
import { type InboxSettings, loadSettings } from './settings';

/**
 * A kick's pass waits this long for more kicks to join it. A pass by key takes a few ms, so
 * started at once there was one per ingest request with a low rating, each a commit (a WAL
 * flush) beside the ingest's own group commits: on PostgreSQL at batch 1 that ran 103–199
 * ratings/s where 40 ms of gathering ran 330–332 (the built CLI, A/B in one run, load 10–14).
 */
const GATHER_MS = 40;

export interface InboxEngineOptions {
  db: SqlClient;
  sites: readonly SiteConfig[];
  logger: Logger;
  now: () => number;
  emit: EmitEvents;
  /** How often follow-ups are opened and SLA alerts checked; false: only when `tick()` is called. */
  intervalMs: number | false;
}

/**
 * The inbox's background work, per site: open follow-ups for new low ratings (and assign them),
 * raise SLA alerts, send the daily digest. Runs every `intervalMs`, at once after ingest
 * (`kick`), or on demand (`tick`). Every step is idempotent and safe with several collectors.
 */
export function createInboxEngine(o: InboxEngineOptions) {
  const members = memberStore(o.db);
  let running: Promise<void> = Promise.resolve();
  let closed = false;
  // Per kicked site, the low ratings stored since the last pass, or `undefined` when a kick did
  // not say which (then the pass is a full one).
  const kicked = new Map<string, Set<string> | undefined>();
  let kickScheduled = false;

  // Pass after pass while each fills its batch, so a backlog (a burst of low ratings) is opened
  // at once rather than one batch per kick or tick; a turn of the event loop between passes lets
  // requests' statements in between (PGlite runs one at a time, in its own thread), and a close
  // stops the drain between passes (what is left is opened by the next process). Not shorter
  // passes while others' statements wait: tried in issue 12's flood of 20,000 low ratings on
  // PGlite, passes of 50 made ingest 2.4x slower (68 s against 25-29 s; a pass's fixed
  // statements read the backlog, so four times as many cost more), and /healthz no longer
  // waits on the thread (routes/health.ts).
  const drain = async (
    siteId: string,
    settings: InboxSettings,
    team: readonly Member[],
    passes = Number.POSITIVE_INFINITY,
  ) => {
    for (let pass = 0; pass < passes && !closed; pass++) {
      if (pass > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if ((await materialize(o.db, siteId, settings, team, o.emit, o.now())) < BATCH) return;
    }
  };

  // The ratings a kick named, by key, `BATCH` per pass: no read of the settle window.
  const openNamed = async (siteId: string, ids: ReadonlySet<string>) => {
    const settings = await loadSettings(o.db, siteId);
    const team = await members.list(siteId);
    const all = [...ids];
    for (let i = 0; i < all.length && !closed; i += BATCH) {
      if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      await materialize(o.db, siteId, settings, team, o.emit, o.now(), all.slice(i, i + BATCH));
    }
  };

  const openFollowUps = async (siteId: string, passes?: number) =>
    drain(siteId, await loadSettings(o.db, siteId), await members.list(siteId), passes);

  const tickSite = async (site: SiteConfig) => {
    const settings = await loadSettings(o.db, site.id);
    const team = await members.list(site.id);
    const now = o.now();
    await drain(site.id, settings, team);
    if (closed) return;
    await raiseSlaAlerts(o.db, site.id, team, o.emit, now);
    if (closed) return;
    await sendDigest(o.db, site.id, settings, team, o.emit, now);
  };

  // One pass at a time in this process; failures are logged and the next pass tries again.
  // Passes still queued when the engine closes are skipped: every step is idempotent, so the next
  // process (or tick) does them, and a shutdown waits for one statement, not a queue of passes.
  const serial = (work: () => Promise<void>) => {
    running = running
      .then(() => (closed ? undefined : work()))
      .catch((error: unknown) => o.logger.warn('inbox pass failed', { error: String(error) }));
    return running;
  };

  // Like kicks, at most one tick waits behind the running pass: a drain of a backlog can outlast
  // the interval, and each tick queued behind it would be another full pass over every site.
  let tickWaiting: Promise<void> | undefined;
  const tick = () =>
    (tickWaiting ??= serial(async () => {
      tickWaiting = undefined;
      for (const site of o.sites) if (!closed) await tickSite(site);
    }));

  const timer = o.intervalMs === false ? undefined : setInterval(() => void tick(), o.intervalMs);
  timer?.unref();

  return {
    tick,
    /**
     * Opens follow-ups for a site soon (after ingest); calls coalesce. `ids`: the low ratings
     * just stored, when known; their pass reads only them (the tick's full pass catches any
     * the kick missed).
     */
    kick(siteId: string, ids?: Iterable<string>) {
      if (closed) return;
      if (!ids) kicked.set(siteId, undefined);
      else if (!kicked.has(siteId)) kicked.set(siteId, new Set(ids));
      else for (const id of ids) kicked.get(siteId)?.add(id);
      // At most one pass waits behind the running one: kicks that arrive before it starts join
      // it (it reads what they committed), so a stream of low ratings under load costs one pass
      // at a time, not one queued pass per request.
      if (kickScheduled) return;
      kickScheduled = true;
      const pass = () =>
        void serial(async () => {
          kickScheduled = false;
          const sites = [...kicked];
          kicked.clear();
          for (const [id, named] of sites) {
            if (named) await openNamed(id, named);
            else await openFollowUps(id);
          }
        });
      setTimeout(pass, GATHER_MS);
    },
    /**
     * Opens follow-ups for a site now, one batch (the newest); the inbox calls it before listing,
     * so reads are current without waiting for a whole backlog.
     */
    openFollowUps: (siteId: string) => serial(() => openFollowUps(siteId, 1)),
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

export type InboxEngine = ReturnType<typeof createInboxEngine>;
