import { en, type LocalePack } from '../i18n/strings';

export type { LocalePack, Strings } from '../i18n/strings';

/**
 * en strings as a pack like the others, for code that renders outside the widget (the
 * collector's server-rendered rating-link pages) and for switching a script tag back to English.
 */
const pack: LocalePack = { code: 'en', dir: 'ltr', strings: en };

export default pack;
