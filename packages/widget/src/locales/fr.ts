import type { LocalePack } from '../i18n/strings';

/** fr strings. */
const pack: LocalePack = {
  code: 'fr',
  strings: {
    title: 'Comment s’est passée votre expérience ?',
    close: 'Fermer',
    submit: 'Envoyer',
    stars: {
      one: '{n} étoile',
      other: '{n} étoiles',
    },
    faces: ['Très mauvais', 'Mauvais', 'Correct', 'Bien', 'Très bien'],
    thumbs: ['Je n’aime pas', 'J’aime'],
    npsLow: 'Pas du tout probable',
    npsHigh: 'Très probable',
    csatLow: 'Très insatisfait',
    csatHigh: 'Très satisfait',
    cesLow: 'Très difficile',
    cesHigh: 'Très facile',
    wentWrong: 'Qu’est-ce qui n’a pas été ?',
    wentWell: 'Qu’est-ce qui vous a plu ?',
    comment: 'Autre chose ? (facultatif)',
    thanks: 'Merci pour votre avis !',
    saved:
      'Merci ! Vous êtes hors ligne : votre note est enregistrée et sera envoyée dès votre retour en ligne.',
    error: 'Votre note n’a pas pu être enregistrée. Réessayez.',
  },
};

export default pack;
