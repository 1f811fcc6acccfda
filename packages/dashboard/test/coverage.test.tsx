import type { Coverage } from '@raaye/protocol';
import { cleanup } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CoveragePanel, formatSeconds } from '../src/coverage/CoveragePanel';
import { renderIn } from './_util/render';

afterEach(cleanup);

const counts = {
  owed: 10,
  answered: 6,
  expired: 2,
  cancelled: 1,
  open: 1,
  responseRate: 66.7,
  medianSecondsToAnswer: 5400,
  byChannel: {
    email: { answered: 4, responseRate: 44.4, medianSecondsToAnswer: 14_400 },
    widget: { answered: 2, responseRate: 22.2, medianSecondsToAnswer: 90 },
  },
};
const coverage: Coverage = { ...counts, byInteractionType: { ride: counts, order: counts } };

describe('<CoveragePanel>', () => {
  it('shows the owed ledger as /v1/stats sent it, by channel and by type', () => {
    const { container } = renderIn(<CoveragePanel coverage={coverage} />);
    const stat = (k: string) => container.querySelector(`[data-coverage="${k}"]`)?.textContent;
    expect(stat('owed')).toBe('10');
    expect(stat('rate')).toBe('66.7%');
    expect(stat('median')).toBe('2 h');
    const email = container.querySelector('[data-channel="email"]')!;
    expect(email.textContent).toBe('E-mail link444.4%4 h');
    expect(container.querySelectorAll('caption')).toHaveLength(2);
  });

  it('says so when nothing was owed, and nothing without a coverage block', () => {
    const empty = { ...coverage, owed: 0, byChannel: {}, byInteractionType: {} };
    expect(renderIn(<CoveragePanel coverage={empty} />).container.textContent).toContain(
      'No ratings were owed',
    );
    expect(renderIn(<CoveragePanel coverage={undefined} />).container.textContent).toBe('');
    expect(formatSeconds(45)).toBe('45 s');
    expect(formatSeconds(3 * 86_400)).toBe('3 d');
  });
});
