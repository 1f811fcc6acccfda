/** The `coverage` block of `GET /v1/stats` (collector: src/channels/coverage.ts). */
export interface CoverageCounts {
  owed: number;
  answered: number;
  expired: number;
  cancelled: number;
  open: number;
  responseRate: number | null;
  medianSecondsToAnswer: number | null;
  byChannel: Record<
    string,
    { answered: number; responseRate: number | null; medianSecondsToAnswer: number | null }
  >;
}

export interface Coverage extends CoverageCounts {
  byInteractionType: Record<string, CoverageCounts>;
}
