import type { LocalePack } from '../i18n/strings';

/** pt strings. */
const pack: LocalePack = {
  code: 'pt',
  strings: {
    title: 'Como foi a sua experiência?',
    close: 'Fechar',
    submit: 'Enviar',
    stars: {
      one: '{n} estrela',
      other: '{n} estrelas',
    },
    faces: ['Muito ruim', 'Ruim', 'Razoável', 'Bom', 'Muito bom'],
    thumbs: ['Não gostei', 'Gostei'],
    npsLow: 'Nada provável',
    npsHigh: 'Muito provável',
    csatLow: 'Muito insatisfeito',
    csatHigh: 'Muito satisfeito',
    cesLow: 'Muito difícil',
    cesHigh: 'Muito fácil',
    wentWrong: 'O que deu errado?',
    wentWell: 'O que correu bem?',
    comment: 'Mais alguma coisa? (opcional)',
    thanks: 'Obrigado pela sua opinião!',
    saved:
      'Obrigado! Você está offline: a sua avaliação foi guardada e será enviada quando voltar a ficar online.',
    error: 'Não foi possível guardar a sua avaliação. Tente novamente.',
  },
};

export default pack;
