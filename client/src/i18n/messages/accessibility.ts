import { bilingual } from "../bilingual";

/** A list item, optionally a link (external links open in the same window). */
export interface StatementItem {
  text: string;
  href?: string;
  after?: string;
}

const DATE = "2026-11-29";

export const accessibility = bilingual(
  {
    title: "Déclaration d'accessibilité",
    established: DATE,
    intro: [
      "Le programme Entrepreneurs d'intérêt général (EIG) s'engage à rendre ses services numériques accessibles, conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.",
      "Cette déclaration d'accessibilité s'applique au service « Suivi de pérennisation des défis EIG ».",
    ],
    statusTitle: "État de conformité",
    status:
      "Le service « Suivi de pérennisation des défis EIG » est non conforme avec le référentiel général d'amélioration de l'accessibilité (RGAA) version 4.1.2 : aucun audit de conformité n'a encore été réalisé.",
    testsTitle: "Résultats des tests",
    testsIntro:
      "En l'absence d'audit, aucun taux de conformité ne peut être annoncé. Les vérifications suivantes sont faites automatiquement à chaque modification du service :",
    tests: [
      { text: "analyse axe-core de chaque page (connexion, tableau de bord, liste des défis, page d'un défi en lecture et en mise à jour, Mes défis, comptes, mentors, journal d'audit, rapport, documentation de l'API et cette page), en français et en anglais : aucune anomalie grave ou critique ;" },
      { text: "contraste des couleurs en thème sombre (paramètres d'affichage du DSFR) sur les pages principales ;" },
      { text: "langue de la page (attribut lang) conforme à la langue choisie ;" },
      { text: "au clavier : le lien d'évitement « Contenu » est le premier élément atteint, les boutons d'export des graphiques sont atteignables ;" },
      { text: "aucune feuille de style ou aucun script injecté en dehors de ceux du service (politique de sécurité des contenus)." },
    ] as StatementItem[],
    testsLimit:
      "Ces tests automatiques ne couvrent qu'une partie des critères du RGAA ; ils ne remplacent ni un audit ni des tests avec des technologies d'assistance.",
    limitsTitle: "Contenus non accessibles ou limites connues",
    limits: [
      { text: "Les graphiques sont des images vectorielles : leur contenu est donné par une description et par un tableau des données placé sous chacun ; l'infobulle au survol n'est disponible qu'à la souris." },
      { text: "Les descriptions des routes de la documentation de l'API et certains messages d'erreur renvoyés par le serveur ne sont rédigés qu'en français." },
      { text: "Les images PNG et SVG exportées ne portent pas de texte alternatif : le fichier CSV du même graphique en donne les données." },
      { text: "Le service n'a pas été testé avec des lecteurs d'écran ni avec des logiciels de reconnaissance vocale." },
    ] as StatementItem[],
    establishedTitle: "Établissement de cette déclaration",
    establishedText: (date: string) => `Cette déclaration a été établie le ${date}.`,
    techTitle: "Technologies utilisées pour la réalisation du service",
    tech: "HTML5, CSS, JavaScript (React), Système de design de l'État (DSFR).",
    envTitle: "Environnement de test",
    env: "Chromium (Debian) sans interface, piloté par Playwright, avec axe-core 4 ; pages affichées à 1 280 pixels de large, en thème clair et en thème sombre.",
    contactTitle: "Retour d'information et contact",
    contact:
      "Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez l'équipe du programme EIG, qui administre les comptes de ce service, pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.",
    recourseTitle: "Voies de recours",
    recourse:
      "Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable du service un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un des services et vous n'avez pas obtenu de réponse satisfaisante. Vous pouvez :",
    recourseItems: [
      { text: "écrire un message au ", href: "https://formulaire.defenseurdesdroits.fr/", after: "Défenseur des droits" },
      { text: "contacter ", href: "https://www.defenseurdesdroits.fr/saisir/delegues", after: "le délégué du Défenseur des droits dans votre région" },
      { text: "envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07." },
    ] as StatementItem[],
  },
  {
    title: "Accessibility statement",
    established: DATE,
    intro: [
      "The Entrepreneurs d'intérêt général (EIG) programme is committed to making its digital services accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.",
      "This accessibility statement applies to the “EIG challenges sustainability tracker” service.",
    ],
    statusTitle: "Compliance status",
    status:
      "The “EIG challenges sustainability tracker” service is not compliant with the French accessibility framework (RGAA) version 4.1.2: no compliance audit has been carried out yet.",
    testsTitle: "Test results",
    testsIntro: "Without an audit, no compliance rate can be stated. The following checks run automatically on every change to the service:",
    tests: [
      { text: "axe-core analysis of every page (sign-in, dashboard, list of challenges, a challenge page read and in update mode, My challenges, accounts, mentors, audit log, report, API documentation and this page), in French and in English: no serious or critical issue;" },
      { text: "colour contrast in the dark theme (DSFR display settings) on the main pages;" },
      { text: "page language (lang attribute) matching the chosen language;" },
      { text: "keyboard: the “Content” skip link is the first element reached, the charts' export buttons can be reached;" },
      { text: "no style sheet or script injected beyond the service's own (content security policy)." },
    ],
    testsLimit: "These automated tests cover only part of the RGAA criteria; they replace neither an audit nor tests with assistive technologies.",
    limitsTitle: "Non-accessible content and known limits",
    limits: [
      { text: "Charts are vector images: their content is given by a description and by a data table under each of them; the hover tooltip is only available with a mouse." },
      { text: "The route descriptions of the API documentation and some error messages sent by the server are written in French only." },
      { text: "Exported PNG and SVG images carry no text alternative: the CSV file of the same chart gives its data." },
      { text: "The service has not been tested with screen readers or voice recognition software." },
    ],
    establishedTitle: "Preparation of this statement",
    establishedText: (date: string) => `This statement was drawn up on ${date}.`,
    techTitle: "Technologies used to build the service",
    tech: "HTML5, CSS, JavaScript (React), the French State design system (DSFR).",
    envTitle: "Test environment",
    env: "Headless Chromium (Debian) driven by Playwright, with axe-core 4; pages shown 1,280 pixels wide, in the light and the dark theme.",
    contactTitle: "Feedback and contact",
    contact:
      "If you cannot access some content or a service, contact the EIG programme team, who manage the accounts of this service, to be directed to an accessible alternative or to get the content in another form.",
    recourseTitle: "Remedies",
    recourse:
      "Use this procedure if you reported to the service's owner an accessibility defect that prevents you from accessing some content or service and did not get a satisfactory answer. You can:",
    recourseItems: [
      { text: "write a message to the ", href: "https://formulaire.defenseurdesdroits.fr/", after: "Défenseur des droits (French rights ombudsman)" },
      { text: "contact ", href: "https://www.defenseurdesdroits.fr/saisir/delegues", after: "the Défenseur des droits' delegate in your region" },
      { text: "send a letter by post (free, no stamp needed): Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07, France." },
    ],
  },
);
