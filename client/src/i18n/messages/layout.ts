import { bilingual } from "../bilingual";

export const layout = bilingual(
  {
    skipContent: "Contenu",
    skipMenu: "Menu",
    skipFooter: "Pied de page",
    brandTop: ["République", "Française"],
    tagline: "Entrepreneurs d'intérêt général : ce que deviennent les défis",
    homeTitle: "Accueil — Suivi de pérennisation des défis EIG",
    navDashboard: "Tableau de bord",
    navMine: "Mes défis",
    navChallenges: "Défis",
    navAdmin: "Administration",
    signOut: "Se déconnecter",
    signIn: "Se connecter",
    footerDescription:
      "Outil du programme Entrepreneurs d'intérêt général pour suivre la pérennisation des défis : mise en production, transmission et fiabilisation. Données du catalogue public du programme.",
    report: "Rapport imprimable",
    apiDoc: "Documentation de l'API",
    syntheticTitle: "Données synthétiques",
    syntheticDescription:
      "Ce jeu de données est généré pour des essais de charge : aucun chiffre affiché ne décrit un vrai défi.",
    notFoundTitle: "Page introuvable",
    notFoundText: "L'adresse demandée ne correspond à aucune page de ce service.",
    backToDashboard: "Revenir au tableau de bord",
    checkingSession: "Vérification de la session…",
    restrictedTitle: "Accès réservé",
    restrictedText: (mentors: boolean) =>
      `Cette page est réservée ${mentors ? "aux mentors et à l'équipe du programme" : "à l'équipe du programme"}. Votre compte ne permet pas de l'afficher.`,
  },
  {
    skipContent: "Content",
    skipMenu: "Menu",
    skipFooter: "Footer",
    brandTop: ["République", "Française"],
    tagline: "Entrepreneurs d'intérêt général: what becomes of the challenges",
    homeTitle: "Home — EIG challenges sustainability tracker",
    navDashboard: "Dashboard",
    navMine: "My challenges",
    navChallenges: "Challenges",
    navAdmin: "Administration",
    signOut: "Sign out",
    signIn: "Sign in",
    footerDescription:
      "Tool of the Entrepreneurs d'intérêt général programme to follow what becomes of its challenges: production, knowledge transfer and reliability. Data from the programme's public catalogue.",
    report: "Printable report",
    apiDoc: "API documentation",
    syntheticTitle: "Synthetic data",
    syntheticDescription: "This dataset is generated for load tests: no figure shown describes a real challenge.",
    notFoundTitle: "Page not found",
    notFoundText: "The address asked for matches no page of this service.",
    backToDashboard: "Back to the dashboard",
    checkingSession: "Checking the session…",
    restrictedTitle: "Restricted access",
    restrictedText: (mentors: boolean) =>
      `This page is for ${mentors ? "mentors and the programme team" : "the programme team"} only. Your account cannot show it.`,
  },
);
