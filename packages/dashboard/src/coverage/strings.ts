/**
 * The panel's own texts, by dashboard language, kept beside it so the panel ships as one folder
 * (the dashboard's packs in src/i18n are the inbox's). English is used for any other language.
 */
const en = {
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

export type CoverageStrings = typeof en;

const ar: CoverageStrings = {
  title: 'التقييمات المستحقة',
  owed: 'مستحقة',
  answered: 'مُجابة',
  expired: 'منتهية',
  open: 'ما زالت مفتوحة',
  rate: 'معدل الاستجابة',
  median: 'الوقت الوسيط للإجابة',
  channel: 'القناة',
  type: 'نوع التفاعل',
  none: 'لم تكن هناك تقييمات مستحقة في هذه الفترة.',
  channels: {
    widget: 'داخل التطبيق',
    email: 'رابط البريد الإلكتروني',
    sms: 'رابط الرسائل القصيرة',
    api: 'استدعاء rate() الخاص بك',
    unspecified: 'غير محدد (إصدار أقدم)',
  },
  caption: 'الإجابات حسب القناة',
  typeCaption: 'حسب نوع التفاعل',
};

export function coverageStrings(lang: string): CoverageStrings {
  return lang === 'ar' ? ar : en;
}
