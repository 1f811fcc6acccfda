import type { RatingsQuery, StoredRating } from '@raaye/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { isApiError } from '../api/ApiError';
import type { Api } from '../api/client';

export interface RatingsPages {
  ratings: StoredRating[] | null;
  more: boolean;
  busy: boolean;
  error: string;
  /** Appends the next older page; resolves with the first rating it added. */
  loadMore(): Promise<StoredRating | undefined>;
}

/**
 * Newest-first pages of `GET /v1/ratings/search` for `query` (compared by value): the first page
 * whenever the query changes, the next on `loadMore()`. An answer for an older query is dropped.
 */
export function useRatingsPages(api: Api, query: RatingsQuery): RatingsPages {
  const key = JSON.stringify(query);
  const current = useRef(key);
  current.current = key;
  const [ratings, setRatings] = useState<StoredRating[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState('');
  const fail = (e: unknown) => setError(isApiError(e) ? e.message : String(e));

  useEffect(() => {
    const abort = new AbortController();
    setBusy(true);
    setError('');
    api.searchRatings(query, abort.signal).then(
      (page) => {
        setRatings(page.ratings);
        setCursor(page.nextCursor);
        setBusy(false);
      },
      (e) => {
        if (abort.signal.aborted) return;
        fail(e);
        setBusy(false);
      },
    );
    return () => abort.abort();
  }, [api, key]);

  const loadMore = async () => {
    if (!cursor || busy) return undefined;
    setBusy(true);
    try {
      const page = await api.searchRatings({ ...query, cursor });
      if (current.current !== key) return undefined;
      setRatings([...(ratings ?? []), ...page.ratings]);
      setCursor(page.nextCursor);
      return page.ratings[0];
    } catch (e) {
      fail(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  return { ratings, more: cursor !== null, busy, error, loadMore };
}
