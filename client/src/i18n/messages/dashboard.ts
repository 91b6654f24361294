import { bilingual } from "../bilingual";

export const dashboard = bilingual(
  {
    title: "Tableau de bord des promotions",
    lead:
      "Ce que deviennent les défis après le programme : résultats, niveau atteint sur les trois axes de pérennisation, trajectoires des promotions et défis à risque. Les promotions EIG 1 à EIG 3 sont suivies depuis le plus longtemps.",
    permalink: "L'adresse de la page garde les filtres : copiez-la pour partager cette vue.",
    printable: "Version imprimable (rapport)",
    filters: {
      form: "Filtres du tableau de bord",
      allAdministrations: "Toutes les administrations",
      skill: "Compétence",
      allSkills: "Toutes les compétences",
      promotion: (label: string) => `promotion ${label}`,
      administration: (name: string) => `administration « ${name} »`,
      skillPart: (label: string) => `compétence ${label}`,
      none: "Filtres : aucun (tous les défis)",
      some: (parts: string[]) => `Filtres : ${parts.join(" ; ")}`,
    },
    caption: {
      source: (synthetic: boolean, date: string, revision: number | undefined) =>
        `Source : Suivi de pérennisation des défis EIG${synthetic ? " (données synthétiques)" : ""}, données du ${date}${
          revision === undefined ? "" : `, révision ${revision}`
        }.`,
    },
    loadingStats: "Chargement des statistiques…",
    exports: {
      title: "Télécharger les données",
      intro:
        "Le jeu de données complet, au niveau des défis (ni adresses, ni noms d'auteurs, ni journal d'audit ; les noms des alliés et les porteurs des actions ne figurent que dans les exports de l'équipe du programme). Les en-têtes suivent la langue de l'interface.",
      challengesCsv: "Défis et niveaux actuels (CSV)",
      challengesCsvSemicolon: "Défis et niveaux actuels (CSV pour Excel, séparateur « ; »)",
      historyCsv: "Historique des statuts (CSV)",
      xlsx: "Jeu de données complet (XLSX, une feuille par table)",
      json: "Jeu de données complet (JSON)",
    },
    sections: {
      outcomes: "Résultats",
      levels: "Niveaux par axe",
      levelsIntro:
        "Niveau actuel de chaque défi sur chaque axe : 0 Non démarré, 1 En cours, 2 Atteint, 3 Pérennisé. Un axe sans mise à jour est « Non renseigné ». Les niveaux sont ordonnés : la répartition compte plus que la moyenne.",
      trajectories: "Trajectoires des promotions",
      sustainability: "Travail de pérennisation",
      risk: "À risque",
      matrix: "Matrice des défis et des axes",
      matrixCaption: "Niveau actuel de chaque défi sur chaque axe",
      showMatrix: (count: number) => `Afficher la matrice (${count} défis)`,
    },
    outcomes: {
      showIn: "Résultats en",
      counts: "Nombre de défis",
      shares: "Part de la promotion",
      title: "Résultats par promotion",
      coverage: (n: string, notReported: string) => `n = ${n} ; ${notReported} sans résultat renseigné (en gris).`,
      note: (shares: boolean) =>
        `Un défi peut relever de plusieurs catégories : une barre peut dépasser ${shares ? "100 %" : "l'effectif de la promotion"}.`,
      tableCaption: "Nombre de défis par catégorie de résultat et par promotion",
      challenges: "Défis",
      shareWithOutcome: "Part avec un résultat",
      yShares: "Part des défis",
      yCounts: "Défis",
      description: (shares: boolean, promotions: string) =>
        `Barres empilées ${shares ? "de la part" : "du nombre"} de défis par catégorie de résultat, pour chaque promotion (${promotions}). Les chiffres sont dans le tableau des données.`,
    },
    afterEnd: {
      title: "Résultats 6, 12 et 24 mois après la fin",
      coverageIntro: "Résultat en vigueur à chaque échéance, comptée depuis la fin propre à chaque défi.",
      coverageOffset: (months: number, reached: string, without: string) =>
        `+${months} mois : n = ${reached} ayant atteint l'échéance, ${without} sans résultat`,
      note: "Les défis dont l'échéance n'est pas encore atteinte ne sont pas comptés.",
      tableCaption: "Nombre de défis par catégorie de résultat, par promotion et par échéance après la fin",
      promotionAndOffset: "Promotion et échéance",
      reached: "Échéance atteinte",
      rowLabel: (promotion: string, months: number) => `${promotion}, +${months} mois`,
      description:
        "Barres empilées du nombre de défis par catégorie de résultat, pour chaque promotion à 6, 12 et 24 mois après la fin. Les chiffres sont dans le tableau des données.",
    },
    levels: {
      title: (axis: string) => `Niveaux : ${axis}`,
      coverage: (n: string, notReported: number, notReportedText: string) =>
        `n = ${n} ; ${notReportedText} non renseigné${notReported > 1 ? "s" : ""}.`,
      tableCaption: (axis: string) => `Nombre de défis par niveau sur l'axe ${axis}, par promotion`,
      mean: "Niveau moyen (renseignés)",
      description: (axis: string) =>
        `Barres empilées du nombre de défis par niveau sur l'axe ${axis}, pour chaque promotion. Les chiffres sont dans le tableau des données.`,
    },
    trajectories: {
      axis: "Axe",
      title: (axis: string) => `Trajectoires des promotions : ${axis}`,
      coverage: (n: string, ever: string, never: string) =>
        `Niveau moyen des défis ayant remonté un statut, par mois depuis le début de la promotion (le dernier niveau connu est reporté). n = ${n} ; ${ever} ont remonté au moins un statut sur cet axe, ${never} jamais.`,
      note: "Repère vertical : fin du programme (10 mois). Les mois sans aucune remontée ne sont pas tracés.",
      tableCaption: (axis: string) => `Niveau moyen et nombre de défis renseignés par mois, axe ${axis}`,
      month: "Mois",
      meanLevel: "Niveau moyen",
      reported: "Défis renseignés",
      noReport: "aucune remontée",
      rowLabel: (promotion: string, month: number) => `${promotion}, mois ${month}`,
      empty:
        "Aucun statut n'a encore été remonté sur cet axe : les courbes apparaîtront avec les premières mises à jour des mentors.",
      description: (axis: string) =>
        `Courbes du niveau moyen par mois, une par promotion, sur l'axe ${axis}. Les valeurs sont dans le tableau des données.`,
      xLabel: "Mois depuis le début de la promotion",
      tooltipMonth: (month: string) => `Mois ${month}`,
      programmeEnd: "Fin du programme",
    },
    actions: {
      title: "Actions de pérennisation par nature et par état",
      coverage: (n: string, actions: number, challenges: string) =>
        `n = ${n} enregistrée${actions > 1 ? "s" : ""} pour ${challenges}.`,
      tableCaption: "Nombre d'actions par nature et par état, toutes promotions filtrées",
      kind: "Nature",
      total: "Total",
      yLabel: "Actions",
      description:
        "Barres empilées du nombre d'actions par état, pour chaque nature d'action. Les chiffres sont dans le tableau des données.",
    },
    kept: {
      title: "Personnes gardées sur les livrables après le programme",
      seriesKept: "Au moins une personne gardée",
      seriesNotKept: "Ressources renseignées, personne de gardé",
      coverage: (n: string, without: string) =>
        `Priorité du programme : garder développeurs et data scientists sur les livrables. n = ${n} ; ${without} sans ressources renseignées.`,
      tableCaption: "Défis ayant gardé au moins une personne après le programme, par promotion",
      share: "Part gardée (sur les défis)",
      description:
        "Barres empilées, par promotion : défis ayant gardé au moins une personne, ceux qui n'en ont gardé aucune, et ceux sans information. Les chiffres sont dans le tableau des données.",
    },
    risk: {
      reasons: {
        production_below_achieved: "Fin passée de 6 mois, mise en production non atteinte",
        nobody_kept: "Personne de gardé après le programme",
        stale: "Rien remonté depuis 90 jours",
      },
      intro: (atRisk: string, total: string) =>
        `${atRisk} à risque sur ${total}. Un défi est à risque quand sa fin est passée de six mois sans mise en production au niveau « Atteint », quand personne n'a été gardé sur les livrables, ou quand rien n'a été remonté depuis 90 jours.`,
      reasonCount: (reason: string, count: string) => `${reason} : ${count}`,
      list: (count: string) => `Liste des ${count} à risque`,
      tableCaption: "Défis à risque et raisons",
      end: "Fin",
      lastReport: "Dernière remontée",
      reasonsHeader: "Raisons",
    },
    report: {
      documentTitle: "Rapport sur la pérennisation des défis",
      title: "Rapport sur la pérennisation des défis EIG",
      kicker: "Suivi de pérennisation des défis EIG",
      drawnUp: (date: string) => `Établi le ${date}.`,
      contents: "Résultats par promotion, niveaux par axe, trajectoires, actions de pérennisation, défis à risque et matrice des défis et des axes. Chaque graphique est suivi de son tableau de données.",
      orientation: { legend: "Orientation de la page imprimée (A4)", portrait: "Portrait", landscape: "Paysage" },
      print: "Imprimer",
      downloadPdf: "Télécharger le rapport (PDF)",
      preparingPdf: "Préparation du PDF…",
      pdfUnavailable: (detail: string) =>
        `Le PDF n'a pas pu être préparé par le serveur${detail ? ` : ${detail}` : "."} Utilisez « Imprimer » puis « Enregistrer au format PDF » : c'est la même mise en page.`,
    },
  },
  {
    title: "Promotions dashboard",
    lead:
      "What becomes of the challenges after the programme: outcomes, level reached on the three sustainability axes, promotion trajectories and challenges at risk. Promotions EIG 1 to EIG 3 have been followed the longest.",
    permalink: "The page's address keeps the filters: copy it to share this view.",
    printable: "Printable version (report)",
    filters: {
      form: "Dashboard filters",
      allAdministrations: "All administrations",
      skill: "Skill",
      allSkills: "All skills",
      promotion: (label: string) => `promotion ${label}`,
      administration: (name: string) => `administration “${name}”`,
      skillPart: (label: string) => `skill ${label}`,
      none: "Filters: none (all challenges)",
      some: (parts: string[]) => `Filters: ${parts.join("; ")}`,
    },
    caption: {
      source: (synthetic: boolean, date: string, revision: number | undefined) =>
        `Source: EIG challenges sustainability tracker${synthetic ? " (synthetic data)" : ""}, data as of ${date}${
          revision === undefined ? "" : `, revision ${revision}`
        }.`,
    },
    loadingStats: "Loading statistics…",
    exports: {
      title: "Download the data",
      intro:
        "The full dataset, at challenge level (no email addresses, no author names, no audit log; allies' names and action owners are in the programme team's exports only). Headers follow the interface language.",
      challengesCsv: "Challenges and current levels (CSV)",
      challengesCsvSemicolon: "Challenges and current levels (CSV for Excel, “;” separator)",
      historyCsv: "Status history (CSV)",
      xlsx: "Full dataset (XLSX, one sheet per table)",
      json: "Full dataset (JSON)",
    },
    sections: {
      outcomes: "Outcomes",
      levels: "Levels per axis",
      levelsIntro:
        "Current level of each challenge on each axis: 0 Not started, 1 In progress, 2 Achieved, 3 Secured. An axis without any update is “Not reported”. Levels are ordered: the distribution matters more than the mean.",
      trajectories: "Promotion trajectories",
      sustainability: "Sustainability work",
      risk: "At risk",
      matrix: "Challenges × axes matrix",
      matrixCaption: "Current level of each challenge on each axis",
      showMatrix: (count: number) => `Show the matrix (${count} challenges)`,
    },
    outcomes: {
      showIn: "Outcomes as",
      counts: "Number of challenges",
      shares: "Share of the promotion",
      title: "Outcomes by promotion",
      coverage: (n: string, notReported: string) => `n = ${n}; ${notReported} without a reported outcome (in grey).`,
      note: (shares: boolean) =>
        `A challenge can fall into several categories: a bar can exceed ${shares ? "100%" : "the promotion's size"}.`,
      tableCaption: "Number of challenges per outcome category and promotion",
      challenges: "Challenges",
      shareWithOutcome: "Share with an outcome",
      yShares: "Share of challenges",
      yCounts: "Challenges",
      description: (shares: boolean, promotions: string) =>
        `Stacked bars of the ${shares ? "share" : "number"} of challenges per outcome category, for each promotion (${promotions}). The figures are in the data table.`,
    },
    afterEnd: {
      title: "Outcomes 6, 12 and 24 months after the end",
      coverageIntro: "Outcome in force at each milestone, counted from each challenge's own end date.",
      coverageOffset: (months: number, reached: string, without: string) =>
        `+${months} months: n = ${reached} past the milestone, ${without} without an outcome`,
      note: "Challenges that have not reached the milestone yet are not counted.",
      tableCaption: "Number of challenges per outcome category, by promotion and milestone after the end",
      promotionAndOffset: "Promotion and milestone",
      reached: "Milestone reached",
      rowLabel: (promotion: string, months: number) => `${promotion}, +${months} months`,
      description:
        "Stacked bars of the number of challenges per outcome category, for each promotion at 6, 12 and 24 months after the end. The figures are in the data table.",
    },
    levels: {
      title: (axis: string) => `Levels: ${axis}`,
      coverage: (n: string, _notReported: number, notReportedText: string) => `n = ${n}; ${notReportedText} not reported.`,
      tableCaption: (axis: string) => `Number of challenges per level on the ${axis} axis, by promotion`,
      mean: "Mean level (reported)",
      description: (axis: string) =>
        `Stacked bars of the number of challenges per level on the ${axis} axis, for each promotion. The figures are in the data table.`,
    },
    trajectories: {
      axis: "Axis",
      title: (axis: string) => `Promotion trajectories: ${axis}`,
      coverage: (n: string, ever: string, never: string) =>
        `Mean level of the challenges that reported a status, by month since the promotion started (the last known level carries forward). n = ${n}; ${ever} reported at least one status on this axis, ${never} never did.`,
      note: "Vertical marker: end of the programme (10 months). Months without any report are not drawn.",
      tableCaption: (axis: string) => `Mean level and number of reporting challenges by month, ${axis} axis`,
      month: "Month",
      meanLevel: "Mean level",
      reported: "Reporting challenges",
      noReport: "no report",
      rowLabel: (promotion: string, month: number) => `${promotion}, month ${month}`,
      empty: "No status has been reported on this axis yet: the lines will appear with the mentors' first updates.",
      description: (axis: string) =>
        `Lines of the mean level by month, one per promotion, on the ${axis} axis. The values are in the data table.`,
      xLabel: "Months since the promotion started",
      tooltipMonth: (month: string) => `Month ${month}`,
      programmeEnd: "End of programme",
    },
    actions: {
      title: "Sustainability actions by kind and status",
      coverage: (n: string, _actions: number, challenges: string) => `n = ${n} recorded for ${challenges}.`,
      tableCaption: "Number of actions by kind and status, all filtered promotions",
      kind: "Kind",
      total: "Total",
      yLabel: "Actions",
      description: "Stacked bars of the number of actions per status, for each kind of action. The figures are in the data table.",
    },
    kept: {
      title: "People kept on the deliverables after the programme",
      seriesKept: "At least one person kept",
      seriesNotKept: "Resources reported, nobody kept",
      coverage: (n: string, without: string) =>
        `The programme's priority: keep developers and data scientists on the deliverables. n = ${n}; ${without} without reported resources.`,
      tableCaption: "Challenges that kept at least one person after the programme, by promotion",
      share: "Share kept (of challenges)",
      description:
        "Stacked bars, by promotion: challenges that kept at least one person, those that kept nobody, and those without information. The figures are in the data table.",
    },
    risk: {
      reasons: {
        production_below_achieved: "Ended over 6 months ago, production not achieved",
        nobody_kept: "Nobody kept after the programme",
        stale: "Nothing reported for 90 days",
      },
      intro: (atRisk: string, total: string) =>
        `${atRisk} at risk out of ${total}. A challenge is at risk when it ended more than six months ago without production at the “Achieved” level, when nobody was kept on the deliverables, or when nothing was reported for 90 days.`,
      reasonCount: (reason: string, count: string) => `${reason}: ${count}`,
      list: (count: string) => `List of the ${count} at risk`,
      tableCaption: "Challenges at risk and why",
      end: "End",
      lastReport: "Last report",
      reasonsHeader: "Reasons",
    },
    report: {
      documentTitle: "Report on the sustainability of the challenges",
      title: "Report on the sustainability of the EIG challenges",
      kicker: "EIG challenges sustainability tracker",
      drawnUp: (date: string) => `Drawn up on ${date}.`,
      contents: "Outcomes by promotion, levels by axis, trajectories, sustainability actions, challenges at risk and the challenges × axes matrix. Each chart is followed by its data table.",
      orientation: { legend: "Orientation of the printed page (A4)", portrait: "Portrait", landscape: "Landscape" },
      print: "Print",
      downloadPdf: "Download the report (PDF)",
      preparingPdf: "Preparing the PDF…",
      pdfUnavailable: (detail: string) =>
        `The server could not prepare the PDF${detail ? `: ${detail}` : "."} Use “Print” then “Save as PDF”: the layout is the same.`,
    },
  },
);
