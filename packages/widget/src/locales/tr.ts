import type { LocalePack } from '../i18n/strings';

/** tr strings. */
const pack: LocalePack = {
  code: 'tr',
  strings: {
    title: 'Nasıl buldunuz?',
    close: 'Kapat',
    submit: 'Gönder',
    stars: {
      other: '{n} yıldız',
    },
    faces: ['Çok kötü', 'Kötü', 'İdare eder', 'İyi', 'Çok iyi'],
    thumbs: ['Beğenmedim', 'Beğendim'],
    npsLow: 'Hiç olası değil',
    npsHigh: 'Çok olası',
    csatLow: 'Hiç memnun değilim',
    csatHigh: 'Çok memnunum',
    cesLow: 'Çok zor',
    cesHigh: 'Çok kolay',
    wentWrong: 'Ne ters gitti?',
    wentWell: 'Ne iyi gitti?',
    comment: 'Başka bir şey? (isteğe bağlı)',
    thanks: 'Geri bildiriminiz için teşekkürler!',
    saved:
      'Teşekkürler! Çevrimdışısınız: puanınız kaydedildi ve yeniden çevrimiçi olduğunuzda gönderilecek.',
    error: 'Puanınız kaydedilemedi. Lütfen tekrar deneyin.',
  },
};

export default pack;
