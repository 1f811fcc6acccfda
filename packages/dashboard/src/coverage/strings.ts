/**
 * The owed-ratings panel's texts in English; every language pack in src/i18n carries its own
 * translation under `coverage` (so each language loads with its pack, not in the main bundle).
 */
export const coverageEn = {
  title: 'Owed ratings',
  owed: 'Owed',
  answered: 'Answered',
  expired: 'Expired',
  open: 'Still open',
  rate: 'Response rate',
  median: 'Median time to answer',
  channel: 'Channel',
  type: 'Interaction type',
  none: 'No ratings were owed in this range.',
  channels: {
    widget: 'In app',
    email: 'E-mail link',
    sms: 'SMS link',
    api: 'Your own rate()',
    unspecified: 'Unspecified (older SDK)',
  } as Record<string, string>,
  caption: 'Answers by channel',
  typeCaption: 'By interaction type',
};

export type CoverageStrings = typeof coverageEn;
