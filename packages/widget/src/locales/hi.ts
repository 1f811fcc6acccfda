import type { LocalePack } from '../i18n/strings';

/** hi strings. */
const pack: LocalePack = {
  code: 'hi',
  strings: {
    title: 'हमारा काम कैसा रहा?',
    close: 'बंद करें',
    submit: 'भेजें',
    stars: {
      one: '{n} तारा',
      other: '{n} तारे',
    },
    faces: ['बहुत बुरा', 'बुरा', 'ठीक', 'अच्छा', 'बहुत अच्छा'],
    thumbs: ['नापसंद', 'पसंद'],
    npsLow: 'बिल्कुल संभावना नहीं',
    npsHigh: 'बहुत संभावना',
    csatLow: 'बहुत असंतुष्ट',
    csatHigh: 'बहुत संतुष्ट',
    cesLow: 'बहुत कठिन',
    cesHigh: 'बहुत आसान',
    wentWrong: 'क्या गलत हुआ?',
    wentWell: 'क्या अच्छा रहा?',
    comment: 'और कुछ? (वैकल्पिक)',
    thanks: 'आपकी प्रतिक्रिया के लिए धन्यवाद!',
    saved: 'धन्यवाद! आप ऑफ़लाइन हैं: आपकी रेटिंग सहेज ली गई है और ऑनलाइन होते ही भेज दी जाएगी।',
    error: 'आपकी रेटिंग सहेजी नहीं जा सकी। फिर से कोशिश करें।',
  },
};

export default pack;
