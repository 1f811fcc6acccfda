/**
 * The real collector CLI (what users run), started exactly as the end-to-end tests start it,
 * with limits too high to shape the figures.
 */
import { SITE_KEY, startCollector } from '../../e2e/_util/collector';

export { SITE_KEY };

export interface RunningCli {
  url: string;
  /** How many ratings the collector has stored, counted through its export API. */
  count(): Promise<number>;
  stop(): Promise<void>;
}

export async function startCollectorCli(options: {
  origins: string[];
  databaseUrl?: string;
}): Promise<RunningCli> {
  const cli = await startCollector({ ...options, requestsPerSecond: 1_000_000 });
  return { url: cli.url, count: async () => (await cli.stored()).length, stop: cli.stop };
}
