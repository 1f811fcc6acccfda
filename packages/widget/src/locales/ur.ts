import type { LocalePack } from '../i18n/strings';

/** ur strings. */
const pack: LocalePack = {
  code: 'ur',
  dir: 'rtl',
  strings: {
    title: 'ہم نے کیسا کیا؟',
    close: 'بند کریں',
    submit: 'جمع کرائیں',
    stars: {
      one: '{n} ستارہ',
      other: '{n} ستارے',
    },
    faces: ['بہت برا', 'برا', 'ٹھیک', 'اچھا', 'بہت اچھا'],
    thumbs: ['ناپسند', 'پسند'],
    npsLow: 'بالکل امکان نہیں',
    npsHigh: 'بہت زیادہ امکان',
    csatLow: 'بہت غیر مطمئن',
    csatHigh: 'بہت مطمئن',
    cesLow: 'بہت مشکل',
    cesHigh: 'بہت آسان',
    wentWrong: 'کیا غلط ہوا؟',
    wentWell: 'کیا اچھا رہا؟',
    comment: 'کچھ اور؟ (اختیاری)',
    thanks: 'آپ کی رائے کا شکریہ!',
    saved: 'شکریہ! آپ آف لائن ہیں: آپ کی ریٹنگ محفوظ ہے اور آن لائن ہوتے ہی بھیج دی جائے گی۔',
    error: 'آپ کی ریٹنگ محفوظ نہیں ہو سکی۔ دوبارہ کوشش کریں۔',
  },
};

export default pack;
