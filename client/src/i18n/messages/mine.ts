import { bilingual } from "../bilingual";

export const mine = bilingual(
  {
    title: "Mes défis",
    intro:
      "Les défis qui vous sont attribués : leur niveau sur chaque axe, ce qui reste à renseigner et les points d'attention. Un défi sans signalement depuis 90 jours est à actualiser.",
    loading: "Chargement de vos défis…",
    noneTitle: "Aucun défi ne vous est attribué pour l'instant",
    adminHelp: ["Les défis s'attribuent dans ", "Administration › Mentors des défis", ". En tant que membre de l'équipe du programme, vous pouvez aussi mettre à jour n'importe quel défi depuis sa page : voir la ", "liste des défis", "."],
    mentorHelp: ["Demandez à l'équipe du programme de vous attribuer les défis que vous suivez : ils apparaîtront ici. En attendant, vous pouvez consulter la ", "liste de tous les défis", "."],
    toRefresh: { one: "à actualiser", other: "à actualiser" },
    including: (count: string) => `, dont ${count}`,
    update: "Mettre à jour",
    toComplete: "À compléter",
    missingLevel: (axis: string) => `Niveau « ${axis} » jamais renseigné`,
    missingOutcome: "Aucun résultat renseigné",
    missingChecklist: "Liste de passation vide",
  },
  {
    title: "My challenges",
    intro:
      "The challenges assigned to you: their level on each axis, what is left to fill in and points to check. A challenge without any report for 90 days needs an update.",
    loading: "Loading your challenges…",
    noneTitle: "No challenge is assigned to you yet",
    adminHelp: ["Challenges are assigned in ", "Administration › Challenge mentors", ". As a member of the programme team, you can also update any challenge from its page: see the ", "list of challenges", "."],
    mentorHelp: ["Ask the programme team to assign you the challenges you follow: they will appear here. Meanwhile, you can read the ", "list of all challenges", "."],
    toRefresh: { one: "needing an update", other: "needing an update" },
    including: (count: string) => `, ${count}`,
    update: "Update",
    toComplete: "To complete",
    missingLevel: (axis: string) => `Level “${axis}” never reported`,
    missingOutcome: "No outcome reported",
    missingChecklist: "Handover checklist empty",
  },
);
