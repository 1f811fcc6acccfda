import { isLowScore, SCALES, type Scale, scoresOf } from '@raaye/protocol';
import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type Mounted, mountWidget } from './_util/setup';

let m: Mounted | undefined;
afterEach(() => {
  m?.ctl.destroy();
  m = undefined;
});

// The widget asks "What went wrong?" exactly for the scores the collector stores as `low` (and
// so puts in the follow-up inbox): both call @raaye/protocol's isLowScore.
describe('"What went wrong?" follows the contract\'s low-score rule', () => {
  const cases = (Object.keys(SCALES) as Scale[]).flatMap((scale) =>
    scoresOf(scale).map((score) => [scale, score] as const),
  );
  it.each(cases)('%s %i', async (scale, score) => {
    m = mountWidget();
    void m.ctl.ask({
      interactionId: `p-${scale}-${score}`,
      scale,
      tags: { low: ['Rude'], high: ['Kind'] },
    });
    const radios = await m.ui.findAllByRole('radio');
    fireEvent.click(radios[score - SCALES[scale][0]]!);
    const wrong = m.ui.queryByRole('group', { name: 'What went wrong?' }) !== null;
    expect(wrong).toBe(isLowScore(scale, score));
  });
});
