import type { Api } from '../api/client';
import { useStrings } from '../i18n/context';
import { RatingCard } from './RatingCard';
import { useRatingsPages } from './use-ratings-pages';

export interface CustomerHistoryProps {
  api: Api;
  /** The customer's rater id (equal to their user id when the site sends one). */
  customer: string;
  /** The rating being followed up, left out of its own history. */
  except: string;
}

/** Beside a follow-up: the customer's other ratings on every channel, newest first, by pages. */
export function CustomerHistory({ api, customer, except }: CustomerHistoryProps) {
  const t = useStrings();
  const tr = t.browse;
  const pages = useRatingsPages(api, { customer, limit: 10 });
  const others = pages.ratings?.filter((r) => r.id !== except);
  return (
    <>
      <h4>{tr.history}</h4>
      {pages.error && <p class="error">{pages.error}</p>}
      {others === undefined ? (
        <p>{t.loading}</p>
      ) : others.length === 0 && !pages.more ? (
        <p>{t.team.noOtherRatings}</p>
      ) : (
        <ul class="history" data-history>
          {others.map((r) => (
            <li key={r.id}>
              <RatingCard rating={r} level={5} />
            </li>
          ))}
        </ul>
      )}
      {pages.more && (
        <button type="button" disabled={pages.busy} onClick={() => void pages.loadMore()}>
          {tr.loadMore}
        </button>
      )}
    </>
  );
}
