/**
 * Every user-facing string. `{n}` is replaced by a number formatted with `Intl.NumberFormat`;
 * plural forms are keyed by `Intl.PluralRules` category (`one`, `few`, `other`, …).
 */
export interface Strings {
  title: string;
  close: string;
  submit: string;
  /** Accessible name of star `n`. */
  stars: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  /** Names of the five faces, worst first. */
  faces: [string, string, string, string, string];
  /** Thumbs down, thumbs up. */
  thumbs: [string, string];
  npsLow: string;
  npsHigh: string;
  csatLow: string;
  csatHigh: string;
  cesLow: string;
  cesHigh: string;
  wentWrong: string;
  wentWell: string;
  comment: string;
  thanks: string;
  /** Offline: the rating is on the device, not yet sent. */
  saved: string;
  error: string;
}

/** A locale pack; import one from `@raaye/widget/locales/<code>` and pass it in `locales`. */
export interface LocalePack {
  /** BCP 47 language, e.g. `ur` or `pt-BR`. */
  code: string;
  dir?: 'ltr' | 'rtl';
  strings: Partial<Strings>;
}

export const en: Strings = {
  title: 'How did we do?',
  close: 'Close',
  submit: 'Submit',
  stars: { one: '{n} star', other: '{n} stars' },
  faces: ['Very bad', 'Bad', 'Okay', 'Good', 'Very good'],
  thumbs: ['Thumbs down', 'Thumbs up'],
  npsLow: 'Not at all likely',
  npsHigh: 'Extremely likely',
  csatLow: 'Very unsatisfied',
  csatHigh: 'Very satisfied',
  cesLow: 'Very difficult',
  cesHigh: 'Very easy',
  wentWrong: 'What went wrong?',
  wentWell: 'What went well?',
  comment: 'Anything else? (optional)',
  thanks: 'Thank you for your feedback!',
  saved:
    'Thank you! You are offline: your rating is saved and will be sent when you are back online.',
  error: 'Your rating could not be saved. Please try again.',
};
