/**
 * The words around an agent's reply, in the customer's language. Ten locales, the widget's set;
 * `dir` is what the e-mail's HTML declares (Urdu and Arabic read right to left).
 */
export interface ReplyTemplate {
  lang: string;
  dir: 'ltr' | 'rtl';
  subject: string;
  /** Above the reply. */
  intro: string;
  /** Below the reply, before the sender's name. */
  closing: string;
}

export const REPLY_TEMPLATES: Record<string, ReplyTemplate> = {
  en: {
    lang: 'en',
    dir: 'ltr',
    subject: 'A reply to your feedback',
    intro: 'Thank you for your rating. Here is our reply:',
    closing: 'With regards,',
  },
  ar: {
    lang: 'ar',
    dir: 'rtl',
    subject: 'رد على ملاحظاتك',
    intro: 'شكرًا لتقييمك. إليك ردنا:',
    closing: 'مع التحية،',
  },
  ur: {
    lang: 'ur',
    dir: 'rtl',
    subject: 'آپ کی رائے کا جواب',
    intro: 'آپ کی درجہ بندی کا شکریہ۔ ہمارا جواب یہ ہے:',
    closing: 'نیک تمناؤں کے ساتھ،',
  },
  de: {
    lang: 'de',
    dir: 'ltr',
    subject: 'Antwort auf Ihr Feedback',
    intro: 'Vielen Dank für Ihre Bewertung. Hier ist unsere Antwort:',
    closing: 'Mit freundlichen Grüßen',
  },
  es: {
    lang: 'es',
    dir: 'ltr',
    subject: 'Respuesta a tu opinión',
    intro: 'Gracias por tu valoración. Esta es nuestra respuesta:',
    closing: 'Saludos,',
  },
  fr: {
    lang: 'fr',
    dir: 'ltr',
    subject: 'Réponse à votre avis',
    intro: 'Merci pour votre évaluation. Voici notre réponse :',
    closing: 'Cordialement,',
  },
  hi: {
    lang: 'hi',
    dir: 'ltr',
    subject: 'आपकी प्रतिक्रिया का उत्तर',
    intro: 'आपकी रेटिंग के लिए धन्यवाद। हमारा उत्तर यह है:',
    closing: 'सादर,',
  },
  id: {
    lang: 'id',
    dir: 'ltr',
    subject: 'Balasan atas masukan Anda',
    intro: 'Terima kasih atas penilaian Anda. Berikut balasan kami:',
    closing: 'Salam,',
  },
  pt: {
    lang: 'pt',
    dir: 'ltr',
    subject: 'Resposta à sua avaliação',
    intro: 'Obrigado pela sua avaliação. Esta é a nossa resposta:',
    closing: 'Atenciosamente,',
  },
  tr: {
    lang: 'tr',
    dir: 'ltr',
    subject: 'Geri bildiriminize yanıt',
    intro: 'Değerlendirmeniz için teşekkür ederiz. Yanıtımız:',
    closing: 'Saygılarımızla,',
  },
};

/** The template for a BCP 47 tag by its primary language; English when there is none. */
export function replyTemplate(locale: string | null): ReplyTemplate {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return REPLY_TEMPLATES[primary] ?? REPLY_TEMPLATES.en!;
}
