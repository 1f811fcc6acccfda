import type { SiteConfig } from '../config/types';
import type { Logger } from '../log/logger';
import { type Member, memberStore } from '../members/member-store';
import { raiseSlaAlerts } from '../sla/alerts';
import type { SqlClient } from '../store/sql-client';
import { sendDigest } from './digest';
import type { EmitEvents } from './events';
import { BATCH, materialize, SHORT_BATCH } from './materialize';
import { type InboxSettings, loadSettings } from './settings';

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
  const kicked = new Set<string>();
  let kickScheduled = false;

  // Pass after pass while each fills its batch, so a backlog (a burst of low ratings) is opened
  // at once rather than one batch per kick or tick; a turn of the event loop between passes lets
  // requests' statements in between (PGlite runs one at a time, in its own thread), and a close
  // stops the drain between passes (what is left is opened by the next process). While others'
  // statements wait on PGlite's thread (ingest, deliveries, a ping), passes are short, so they
  // take turns with the backlog instead of queueing behind a pass of 200.
  const drain = async (
    siteId: string,
    settings: InboxSettings,
    team: readonly Member[],
    passes = Number.POSITIVE_INFINITY,
  ) => {
    for (let pass = 0; pass < passes && !closed; pass++) {
      if (pass > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const limit = (o.db.progress?.().waiting ?? 0) > 0 ? SHORT_BATCH : BATCH;
      if ((await materialize(o.db, siteId, settings, team, o.emit, o.now(), limit)) < limit) return;
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
    /** Opens follow-ups for a site soon (after ingest); calls coalesce. */
    kick(siteId: string) {
      if (closed) return;
      kicked.add(siteId);
      // At most one pass waits behind the running one: kicks that arrive before it starts join
      // it (it reads what they committed), so a stream of low ratings under load costs one pass
      // at a time, not one queued pass per request.
      if (kickScheduled) return;
      kickScheduled = true;
      void serial(async () => {
        kickScheduled = false;
        const sites = [...kicked];
        kicked.clear();
        for (const id of sites) await openFollowUps(id);
      });
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
