/**
 * The baseline a user would write themselves: Express + pg, one multi-row INSERT per request,
 * no validation beyond JSON parsing, no rate limits, no auth. Run in its own process (like
 * packages/collector/bench/serve.ts) so the load generator does not share its CPU. Prints
 * `READY <url>`. Argument: a PostgreSQL URL.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.argv[2], max: 10 });
const table = `baseline_${process.pid}`;
await pool.query(`CREATE TABLE ${table} (
  id uuid PRIMARY KEY, site_key text NOT NULL, interaction_id text NOT NULL, scale text NOT NULL,
  score int NOT NULL, rater_id text NOT NULL, tags text[], comment text,
  created_at timestamptz NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`);

interface Rating {
  id: string;
  interactionId: string;
  scale: string;
  score: number;
  raterId: string;
  tags?: string[];
  comment?: string;
  createdAt: string;
}

const app = express();
app.use(express.json({ limit: '1mb' }));
app.post('/v1/ratings', async (req, res) => {
  const { siteKey, ratings } = req.body as { siteKey: string; ratings: Rating[] };
  const values: unknown[] = [];
  const rows = ratings.map((r, i) => {
    values.push(
      r.id,
      siteKey,
      r.interactionId,
      r.scale,
      r.score,
      r.raterId,
      r.tags ?? [],
      r.comment ?? null,
      r.createdAt,
    );
    return `(${Array.from({ length: 9 }, (_, k) => `$${i * 9 + k + 1}`).join(',')})`;
  });
  try {
    await pool.query(
      `INSERT INTO ${table} (id, site_key, interaction_id, scale, score, rater_id, tags, comment, created_at)
       VALUES ${rows.join(',')} ON CONFLICT (id) DO NOTHING`,
      values,
    );
    res.status(202).json({ accepted: ratings.length });
  } catch (error) {
    res.status(500).json({ error: String(error) });
  }
});
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', async () => {
  server.close();
  await pool.query(`DROP TABLE ${table}`);
  await pool.end();
  process.exit(0);
});
