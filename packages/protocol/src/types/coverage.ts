/** Answers to what was owed, over one group of the owed ledger. */
export interface CoverageCounts {
  owed: number;
  answered: number;
  expired: number;
  cancelled: number;
  open: number;
  /** answered ÷ (owed − cancelled), 0–100; null when nothing was owed. */
  responseRate: number | null;
  /** Median seconds from the interaction's end to the answer. */
  medianSecondsToAnswer: number | null;
  /** Answers per channel: count, share of the answerable entries (0–100) and median time. */
  byChannel: Record<
    string,
    { answered: number; responseRate: number | null; medianSecondsToAnswer: number | null }
  >;
}

/** The `coverage` block of `GET /v1/stats`. */
export interface Coverage extends CoverageCounts {
  byInteractionType: Record<string, CoverageCounts>;
}
