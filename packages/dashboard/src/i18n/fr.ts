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
  signInFailed: 'La connexion a échoué.',
  checking: 'Vérification…',
  loggedOut: 'Vous êtes déconnecté.',
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
  search: 'Rechercher',
  overdue: 'En retard',
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
  overdueBy: (duration) => `En retard de ${duration}`,
  units: { s: 's', min: 'min', h: 'h', d: 'j' },
  repliedBy: 'Répondu par',
  note: 'Note',
  saving: 'Enregistrement…',
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
  deliveries: {
    title: 'Livraisons',
    intro:
      'Où partent les événements (notes basses, réponses, alertes) et comment chaque tentative s’est passée.',
    destinations: 'Destinations',
    destination: 'Destination',
    kind: 'Type',
    target: 'Envoie à',
    events: 'Événements',
    status: 'État',
    active: 'Active',
    failing: (n: number) => `En échec (${n} d’affilée)`,
    disabled: 'Désactivée',
    enable: 'Réactiver',
    enabled: (id: string) => `${id} est de nouveau active.`,
    noDestinations: 'Aucune destination n’est configurée pour ce site.',
    log: 'Journal des livraisons',
    state: 'Statut',
    states: { pending: 'En attente', delivered: 'Livrée', dead: 'Lettre morte' },
    all: 'Toutes',
    event: 'Événement',
    attempts: 'Tentatives',
    lastStatus: 'Dernier code',
    latency: 'Latence',
    error: 'Erreur',
    lastAttempt: 'Dernière tentative',
    none: 'Aucune livraison ne correspond.',
    history: 'Historique des tentatives',
    time: 'Heure',
    noStatus: 'pas de réponse',
    replay: 'Renvoyer',
    replayed: (n: number) =>
      n === 1 ? '1 livraison sera renvoyée.' : `${n} livraisons seront renvoyées.`,
    replayRange: 'Renvoyer une période',
    replayHint:
      'Les livraisons réussies et mortes des événements de cette période sont renvoyées, avec leurs identifiants d’événement d’origine.',
    from: 'Du (UTC)',
    to: 'Au (UTC)',
    more: 'Voir les plus anciennes',
    refresh: 'Actualiser',
    failed: 'Cela n’a pas fonctionné.',
    ownersOnly:
      'Seuls les propriétaires peuvent renvoyer des livraisons ou réactiver une destination.',
  },
  team: teamFr,
  browse: ratingsFr,
};
