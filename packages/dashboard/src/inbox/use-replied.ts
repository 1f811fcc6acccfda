import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api/client';
import type { RatingFilter, StoredRating } from '../api/types';

/**
 * Low ratings that have a reply, most recent reply first, while `active`. `/v1/follow-ups` lists
 * only unreplied ones, so these come from the export with the same filter; `version` (the poll
 * time) reloads them after every poll.
 */
export function useReplied(
  api: Api,
  filter: RatingFilter,
  active: boolean,
  version: number,
): { rows: StoredRating[] | null; failed: unknown } {
  const [rows, setRows] = useState<StoredRating[] | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  useEffect(() => {
    if (!active) return;
    let current = true;
    api.exportRatings(filter).then(
      (all) => {
        if (!current) return;
        setFailed(null);
        setRows(
          all
            .filter((r) => r.low && r.repliedAt !== null)
            .sort((a, b) => (b.repliedAt ?? '').localeCompare(a.repliedAt ?? '')),
        );
      },
      (error: unknown) => current && setFailed(error),
    );
    return () => {
      current = false;
    };
  }, [api, filter, active, version]);
  return { rows: active ? rows : null, failed };
}
