import type { LocalePack } from '../i18n/strings';

/** es strings. */
const pack: LocalePack = {
  code: 'es',
  strings: {
    title: '¿Qué tal lo hicimos?',
    close: 'Cerrar',
    submit: 'Enviar',
    stars: {
      one: '{n} estrella',
      other: '{n} estrellas',
    },
    faces: ['Muy mal', 'Mal', 'Regular', 'Bien', 'Muy bien'],
    thumbs: ['No me gusta', 'Me gusta'],
    npsLow: 'Nada probable',
    npsHigh: 'Muy probable',
    csatLow: 'Muy insatisfecho',
    csatHigh: 'Muy satisfecho',
    cesLow: 'Muy difícil',
    cesHigh: 'Muy fácil',
    wentWrong: '¿Qué salió mal?',
    wentWell: '¿Qué salió bien?',
    comment: '¿Algo más? (opcional)',
    thanks: '¡Gracias por tu opinión!',
    saved:
      '¡Gracias! Estás sin conexión: tu valoración está guardada y se enviará cuando vuelvas a estar en línea.',
    error: 'No se pudo guardar tu valoración. Inténtalo de nuevo.',
  },
};

export default pack;
