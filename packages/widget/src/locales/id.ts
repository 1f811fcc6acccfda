import type { LocalePack } from '../i18n/strings';

/** id strings. */
const pack: LocalePack = {
  code: 'id',
  strings: {
    title: 'Bagaimana pengalaman Anda?',
    close: 'Tutup',
    submit: 'Kirim',
    stars: {
      other: '{n} bintang',
    },
    faces: ['Sangat buruk', 'Buruk', 'Biasa', 'Baik', 'Sangat baik'],
    thumbs: ['Tidak suka', 'Suka'],
    npsLow: 'Sangat tidak mungkin',
    npsHigh: 'Sangat mungkin',
    csatLow: 'Sangat tidak puas',
    csatHigh: 'Sangat puas',
    cesLow: 'Sangat sulit',
    cesHigh: 'Sangat mudah',
    wentWrong: 'Apa yang kurang?',
    wentWell: 'Apa yang baik?',
    comment: 'Ada lagi? (opsional)',
    thanks: 'Terima kasih atas masukan Anda!',
    saved:
      'Terima kasih! Anda sedang offline: penilaian Anda tersimpan dan akan dikirim saat Anda online kembali.',
    error: 'Penilaian Anda tidak dapat disimpan. Coba lagi.',
  },
};

export default pack;
