// The public pages listed in « Plan du site ». One array: a module that adds a public page adds one line here.
export interface SitePage {
  href: string;
  title: string;
  description: string;
}

export const sitePages: SitePage[] = [
  { href: '/', title: 'Accueil', description: 'Ce que Relais vous propose.' },
  { href: '/lieux', title: 'Trouver un lieu pour être aidé au numérique', description: 'Les lieux près de chez vous où l’on vous aide à utiliser internet et à faire vos démarches.' },
  { href: '/demarches', title: 'Faire une démarche en ligne', description: 'Les demandes au Département que l’on peut faire en ligne, avec ou sans compte.' },
  { href: '/demarches/suivi', title: 'Suivre une demande', description: 'Retrouver une demande avec son numéro et son code de suivi.' },
  { href: '/rendez-vous', title: 'Prendre rendez-vous dans un centre social', description: 'Choisir un créneau avec un agent du centre qui sert votre commune, l’annuler ou le déplacer.' },
  { href: '/mandats/verifier', title: 'Vérifier un mandat', description: 'Savoir si le mandat d’une attestation est valide, expiré ou révoqué.' },
  { href: '/connexion', title: 'Se connecter', description: 'Accéder à votre espace personnel ou professionnel.' },
  { href: '/accessibilite', title: 'Déclaration d’accessibilité', description: 'Le niveau d’accessibilité du service et comment signaler un problème.' },
  { href: '/mentions-legales', title: 'Mentions légales', description: 'Qui publie ce service, qui l’héberge, la licence du logiciel.' },
  { href: '/donnees-personnelles', title: 'Données personnelles', description: 'Quelles données nous utilisons, pourquoi, combien de temps, et vos droits.' },
  { href: '/donnees', title: 'Données ouvertes', description: 'Les lieux, structures et services de l’annuaire à télécharger (CSV, JSON, GeoJSON, data·inclusion).' },
  { href: '/plan-du-site', title: 'Plan du site', description: 'La liste des pages publiques.' },
];
