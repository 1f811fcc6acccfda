import type { Strings } from './en';
import { ratingsFr } from './ratings-fr';
import { teamFr } from './team-fr';

/**
 * French, addressing the reader as vous. A no-break space (U+00A0) goes before « : », « ? »
 * and « ! », as French typography wants, so the sign never starts a line of its own.
 */
export const fr: Strings = {
  lang: 'fr',
  dir: 'ltr',
  languageName: 'Français',
  language: 'Langue',
  appName: 'Tableau de bord Raaye',
  site: (id) => `site ${id}`,
  signIn: 'Se connecter',
  secretKey: 'Clé secrète',
  keyHint:
    'La clé secrète du site (sk_…). Elle reste dans cet onglet uniquement et est effacée à la déconnexion ou à la fermeture de l’onglet.',
  keyPrefix:
    'Une clé secrète commence par sk_ (la clé publique pk_ ne peut pas lire les évaluations).',
  keyRejected: 'Le collecteur n’a pas accepté cette clé.',
  signInFailed: 'La connexion a échoué.',
  checking: 'Vérification…',
  loggedOut: 'Vous êtes déconnecté.',
  keyRevoked: 'Le collecteur n’accepte plus cette clé. Reconnectez-vous.',
  unreachable: 'Le collecteur est injoignable.',
  loading: 'Chargement…',
  notUpdating: (why) => `Pas de mise à jour : ${why}`,
  paused: 'En pause tant que cet onglet est masqué',
  updatedAt: (time) => `En direct, mis à jour à ${time}`,
  logOut: 'Se déconnecter',
  filters: 'Filtres',
  from: 'Du (UTC)',
  to: 'Au (UTC)',
  interactionType: 'Type d’interaction',
  all: 'Tous',
  scale: 'Échelle',
  allScales: 'Toutes les échelles',
  scaleNames: {
    stars5: 'Étoiles (1–5)',
    faces5: 'Visages (1–5)',
    thumbs: 'Pouces',
    nps: 'NPS (0–10)',
    csat5: 'CSAT (1–5)',
    ces7: 'Effort (CES 1–7)',
  },
  liveScores: 'Scores en direct',
  ratings: 'Évaluations',
  ratingCount: (n) => (n <= 1 ? `${n} évaluation` : `${n} évaluations`),
  average: 'Score moyen',
  mixedScales: 'Échelles mélangées : choisissez-en une pour obtenir une moyenne qui ait un sens.',
  csat: 'CSAT',
  csatNote: '4–5 sur les échelles à 5 points',
  nps: 'NPS',
  promoters: 'Promoteurs',
  passives: 'Passifs',
  detractors: 'Détracteurs',
  awaitingReply: 'En attente de réponse',
  overdueCount: (n) => `${n} en retard (24 h)`,
  trend: 'Tendance',
  trendTitle: 'Évaluations par jour',
  trendCaption: 'Évaluations par jour (barres) et score moyen (ligne), par jour UTC',
  day: 'Jour (UTC)',
  distribution: 'Répartition',
  distributionOf: (scale) => `Répartition : ${scale}`,
  score: 'Score',
  noRatings: 'Aucune évaluation sur cette période pour l’instant.',
  thumbsUp: 'Pour',
  thumbsDown: 'Contre',
  inbox: 'Boîte de suivi',
  inboxSummary: (n, overdue) =>
    `${n} en attente de réponse, ${overdue} en retard. Les évaluations basses appellent une réponse sous 24 heures.`,
  outsideRange: (n) => `${n} autres en attente de réponse hors des dates choisies.`,
  truncated: 'Seules les 10 000 évaluations en attente les plus récentes sont chargées.',
  search: 'Rechercher',
  searchPlaceholder: 'Commentaire, étiquette, interaction, évaluateur',
  replyStatus: 'État de la réponse',
  overdue: 'En retard',
  due: 'À traiter',
  exportView: 'Exporter cette vue',
  exportCsv: 'Exporter en CSV',
  exportNdjson: 'Exporter en NDJSON',
  exported: (n) => (n <= 1 ? `${n} évaluation exportée.` : `${n} évaluations exportées.`),
  exportFailed: 'L’export a échoué.',
  nothingAwaiting: 'Rien en attente de réponse.',
  noMatch: 'Aucune évaluation ne correspond à ce filtre.',
  listLabel: (n) => (n <= 1 ? `${n} évaluation` : `${n} évaluations`),
  scoreText: (scale, score) => {
    switch (scale) {
      case 'thumbs':
        return score === 0 ? 'Pouce vers le bas' : 'Pouce vers le haut';
      case 'stars5':
        return score <= 1 ? `${score} étoile sur 5` : `${score} étoiles sur 5`;
      case 'nps':
        return `${score} sur 10 (NPS)`;
      case 'ces7':
        return `Effort ${score} sur 7`;
      default:
        return `${score} sur 5`;
    }
  },
  noComment: 'Pas de commentaire',
  tags: 'Étiquettes',
  type: 'Type',
  rater: 'Évaluateur',
  age: 'Ancienneté',
  ago: (duration) => `il y a ${duration}`,
  dueIn: (duration) => `À traiter sous ${duration}`,
  overdueBy: (duration) => `En retard de ${duration}`,
  dueBy: (time) => `Réponse attendue avant ${time}`,
  units: { s: 's', min: 'min', h: 'h', d: 'j' },
  markReplied: 'Marquer comme répondu',
  repliedBy: 'Répondu par',
  note: 'Note',
  optional: '(facultatif)',
  sayWho: 'Indiquez qui a répondu.',
  saveFailed: 'Impossible d’enregistrer la réponse.',
  saveReply: 'Enregistrer la réponse',
  saving: 'Enregistrement…',
  cancel: 'Annuler',
  markedReplied: (by) => `Marqué comme répondu par ${by}.`,
  show: 'Afficher',
  awaitingView: 'En attente de réponse',
  repliedView: 'Répondues',
  repliedIn: (duration) => `Répondu en ${duration}`,
  repliedLate: (duration) => `Répondu avec ${duration} de retard`,
  nothingReplied: 'Aucune évaluation basse de cette période n’a encore reçu de réponse.',
  newFollowUps: (n) =>
    n <= 1
      ? `${n} nouvelle évaluation basse en attente de réponse.`
      : `${n} nouvelles évaluations basses en attente de réponse.`,
  coverage: {
    title: 'Évaluations attendues',
    owed: 'Attendues',
    answered: 'Obtenues',
    expired: 'Expirées',
    open: 'Encore ouvertes',
    rate: 'Taux de réponse',
    median: 'Délai médian de réponse',
    channel: 'Canal',
    type: 'Type d’interaction',
    none: 'Aucune évaluation n’était attendue sur cette période.',
    channels: {
      widget: 'Dans l’application',
      email: 'Lien par e-mail',
      sms: 'Lien par SMS',
      api: 'Votre propre rate()',
      unspecified: 'Non précisé (ancien SDK)',
    },
    caption: 'Réponses par canal',
    typeCaption: 'Par type d’interaction',
  },
  team: teamFr,
  browse: ratingsFr,
};
