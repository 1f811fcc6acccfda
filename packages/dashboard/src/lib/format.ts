// Numbers are shown as /v1/stats sends them (already rounded to 2 places): no further rounding,
// only grouping, so a test can compare the page with the API.
const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const signed = new Intl.NumberFormat('en', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });

export const NO_DATA = '–';

export const formatNumber = (n: number | null | undefined): string =>
  n === null || n === undefined ? NO_DATA : number.format(n);

export const formatPercent = (n: number | null | undefined): string =>
  n === null || n === undefined ? NO_DATA : `${number.format(n)}%`;

export const formatSigned = (n: number | null | undefined): string =>
  n === null || n === undefined ? NO_DATA : signed.format(n);

/** Share of `part` in `total` as a whole percent, for splits drawn next to the API's numbers. */
export const share = (part: number, total: number): number =>
  total === 0 ? 0 : Math.round((100 * part) / total);

const dateTime = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export const formatUtc = (iso: string): string => `${dateTime.format(new Date(iso))} UTC`;
