import type { ReplyMetrics, SlaMetrics } from '@raaye/protocol';
import type { SqlClient } from '../store/sql-client';

interface Row {
  key: string | null;
  name: string | null;
  opened: number;
  replied: number;
  median: number | null;
  p90: number | null;
  within: number;
  decided: number;
}

// "Decided": answered, or past the deadline without an answer; those still inside their
// target count for neither side yet.
const AGGREGATES = `count(*)::int AS opened, count(f.first_reply_at)::int AS replied,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.first_reply_at - f.opened_at)) AS median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM f.first_reply_at - f.opened_at)) AS p90,
  count(*) FILTER (WHERE f.first_reply_at <= f.due_at)::int AS within,
  count(*) FILTER (WHERE f.first_reply_at IS NOT NULL OR f.due_at <= $4::timestamptz)::int AS decided`;

const toMetrics = (r: Row | undefined): ReplyMetrics => ({
  opened: Number(r?.opened ?? 0),
  replied: Number(r?.replied ?? 0),
  medianSeconds: r?.median == null ? null : Math.round(Number(r.median)),
  p90Seconds: r?.p90 == null ? null : Math.round(Number(r.p90)),
  withinTarget: r && Number(r.decided) > 0 ? Number(r.within) / Number(r.decided) : null,
});

/** Median and p90 time to first reply and the share within target, for follow-ups opened in [from, to). */
export async function slaMetrics(
  db: SqlClient,
  siteId: string,
  from: string,
  to: string,
  now: string,
): Promise<SlaMetrics> {
  const where =
    'f.site_id = $1 AND f.opened_at >= $2::timestamptz AND f.opened_at < $3::timestamptz';
  const params = [siteId, from, to, now];
  const [overall] = await db.query<Row>(
    `SELECT NULL AS key, NULL AS name, ${AGGREGATES} FROM raaye_followups f WHERE ${where}`,
    params,
  );
  const weeks = await db.query<Row>(
    `SELECT to_char(date_trunc('week', f.opened_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS key, NULL AS name, ${AGGREGATES}
     FROM raaye_followups f WHERE ${where} GROUP BY 1 ORDER BY 1`,
    params,
  );
  const agents = await db.query<Row>(
    `SELECT f.first_reply_by::text AS key, coalesce(m.name, 'former member') AS name, ${AGGREGATES}
     FROM raaye_followups f LEFT JOIN raaye_members m ON m.site_id = f.site_id AND m.id = f.first_reply_by
     WHERE ${where} AND f.first_reply_by IS NOT NULL GROUP BY 1, 2 ORDER BY 2`,
    params,
  );
  return {
    overall: toMetrics(overall),
    byWeek: weeks.map((r) => ({ week: r.key!, ...toMetrics(r) })),
    byAgent: agents.map((r) => ({ memberId: r.key!, name: r.name!, ...toMetrics(r) })),
  };
}
