import type { LocalePack } from '../i18n/strings';

/** de strings. */
const pack: LocalePack = {
  code: 'de',
  strings: {
    title: 'Wie war es?',
    close: 'Schließen',
    submit: 'Absenden',
    stars: {
      one: '{n} Stern',
      other: '{n} Sterne',
    },
    faces: ['Sehr schlecht', 'Schlecht', 'Okay', 'Gut', 'Sehr gut'],
    thumbs: ['Daumen runter', 'Daumen hoch'],
    npsLow: 'Überhaupt nicht wahrscheinlich',
    npsHigh: 'Äußerst wahrscheinlich',
    csatLow: 'Sehr unzufrieden',
    csatHigh: 'Sehr zufrieden',
    cesLow: 'Sehr schwierig',
    cesHigh: 'Sehr einfach',
    wentWrong: 'Was lief schief?',
    wentWell: 'Was lief gut?',
    comment: 'Noch etwas? (optional)',
    thanks: 'Danke für Ihr Feedback!',
    saved:
      'Danke! Sie sind offline: Ihre Bewertung ist gespeichert und wird gesendet, sobald Sie wieder online sind.',
    error: 'Ihre Bewertung konnte nicht gespeichert werden. Bitte erneut versuchen.',
  },
};

export default pack;
