/**
 * The sentences a rating link needs that the in-app widget never shows (its strings come from
 * the widget's locale packs, see locale.ts). Same ten languages as the widget.
 */
export interface LinkStrings {
  /** A later click on a link whose debt is already settled. */
  already: string;
  expired: string;
  /** The site cancelled the request (DELETE /v1/owed/:id). */
  cancelled: string;
  invalid: string;
  /** Under the e-mail's score links. */
  emailHint: string;
  /** The SMS page before a score: "choose a score". */
  choose: string;
}

export const LINK_STRINGS: Record<string, Partial<LinkStrings>> & { en: LinkStrings } = {
  en: {
    already: 'You already rated this. Thank you!',
    expired: 'This rating link has expired.',
    cancelled: 'This rating is no longer needed. Thank you!',
    invalid: 'This rating link is not valid.',
    emailHint: 'Choose a score; you can add a comment on the next page.',
    choose: 'Choose a score',
  },
  ar: {
    already: 'لقد قيّمت هذا بالفعل. شكرًا لك!',
    expired: 'انتهت صلاحية رابط التقييم هذا.',
    cancelled: 'لم يعد هذا التقييم مطلوبًا. شكرًا لك!',
    invalid: 'رابط التقييم هذا غير صالح.',
    emailHint: 'اختر تقييمًا؛ يمكنك إضافة تعليق في الصفحة التالية.',
    choose: 'اختر تقييمًا',
  },
  de: {
    already: 'Sie haben dies bereits bewertet. Vielen Dank!',
    expired: 'Dieser Bewertungslink ist abgelaufen.',
    cancelled: 'Diese Bewertung wird nicht mehr benötigt. Vielen Dank!',
    invalid: 'Dieser Bewertungslink ist ungültig.',
    emailHint:
      'Wählen Sie eine Bewertung; auf der nächsten Seite können Sie einen Kommentar hinzufügen.',
    choose: 'Bewertung wählen',
  },
  es: {
    already: 'Ya has valorado esto. ¡Gracias!',
    expired: 'Este enlace de valoración ha caducado.',
    cancelled: 'Esta valoración ya no es necesaria. ¡Gracias!',
    invalid: 'Este enlace de valoración no es válido.',
    emailHint: 'Elige una puntuación; en la página siguiente puedes añadir un comentario.',
    choose: 'Elige una puntuación',
  },
  fr: {
    already: 'Vous avez déjà donné votre avis. Merci !',
    expired: 'Ce lien d’évaluation a expiré.',
    cancelled: 'Cette évaluation n’est plus nécessaire. Merci !',
    invalid: 'Ce lien d’évaluation n’est pas valide.',
    emailHint: 'Choisissez une note ; vous pourrez ajouter un commentaire à la page suivante.',
    choose: 'Choisissez une note',
  },
  hi: {
    already: 'आप इसे पहले ही रेट कर चुके हैं। धन्यवाद!',
    expired: 'यह रेटिंग लिंक समाप्त हो गया है।',
    cancelled: 'इस रेटिंग की अब आवश्यकता नहीं है। धन्यवाद!',
    invalid: 'यह रेटिंग लिंक मान्य नहीं है।',
    emailHint: 'एक स्कोर चुनें; अगले पेज पर आप टिप्पणी जोड़ सकते हैं।',
    choose: 'एक स्कोर चुनें',
  },
  id: {
    already: 'Anda sudah memberi penilaian. Terima kasih!',
    expired: 'Tautan penilaian ini sudah kedaluwarsa.',
    cancelled: 'Penilaian ini tidak diperlukan lagi. Terima kasih!',
    invalid: 'Tautan penilaian ini tidak valid.',
    emailHint: 'Pilih skor; Anda dapat menambahkan komentar di halaman berikutnya.',
    choose: 'Pilih skor',
  },
  pt: {
    already: 'Você já avaliou isto. Obrigado!',
    expired: 'Este link de avaliação expirou.',
    cancelled: 'Esta avaliação não é mais necessária. Obrigado!',
    invalid: 'Este link de avaliação não é válido.',
    emailHint: 'Escolha uma nota; você pode adicionar um comentário na próxima página.',
    choose: 'Escolha uma nota',
  },
  tr: {
    already: 'Bunu zaten değerlendirdiniz. Teşekkürler!',
    expired: 'Bu değerlendirme bağlantısının süresi doldu.',
    cancelled: 'Bu değerlendirmeye artık gerek yok. Teşekkürler!',
    invalid: 'Bu değerlendirme bağlantısı geçerli değil.',
    emailHint: 'Bir puan seçin; sonraki sayfada yorum ekleyebilirsiniz.',
    choose: 'Bir puan seçin',
  },
  ur: {
    already: 'آپ اس کی ریٹنگ پہلے ہی دے چکے ہیں۔ شکریہ!',
    expired: 'اس ریٹنگ لنک کی میعاد ختم ہو چکی ہے۔',
    cancelled: 'اب اس ریٹنگ کی ضرورت نہیں۔ شکریہ!',
    invalid: 'یہ ریٹنگ لنک درست نہیں ہے۔',
    emailHint: 'ایک اسکور منتخب کریں؛ اگلے صفحے پر آپ تبصرہ شامل کر سکتے ہیں۔',
    choose: 'ایک اسکور منتخب کریں',
  },
};
