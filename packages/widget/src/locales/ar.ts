import type { LocalePack } from '../i18n/strings';

/** ar strings. */
const pack: LocalePack = {
  code: 'ar',
  dir: 'rtl',
  strings: {
    title: 'كيف كانت تجربتك؟',
    close: 'إغلاق',
    submit: 'إرسال',
    stars: {
      zero: '{n} نجوم',
      one: 'نجمة واحدة',
      two: 'نجمتان',
      few: '{n} نجوم',
      many: '{n} نجمة',
      other: '{n} نجمة',
    },
    faces: ['سيئ جدًا', 'سيئ', 'مقبول', 'جيد', 'جيد جدًا'],
    thumbs: ['لم يعجبني', 'أعجبني'],
    npsLow: 'غير محتمل إطلاقًا',
    npsHigh: 'محتمل جدًا',
    csatLow: 'غير راضٍ تمامًا',
    csatHigh: 'راضٍ جدًا',
    cesLow: 'صعب جدًا',
    cesHigh: 'سهل جدًا',
    wentWrong: 'ما الذي لم يكن جيدًا؟',
    wentWell: 'ما الذي أعجبك؟',
    comment: 'هل من شيء آخر؟ (اختياري)',
    thanks: 'شكرًا على ملاحظاتك!',
    saved: 'شكرًا! أنت غير متصل: تم حفظ تقييمك وسيُرسل عند عودة الاتصال.',
    error: 'تعذّر حفظ تقييمك. حاول مرة أخرى.',
  },
};

export default pack;
