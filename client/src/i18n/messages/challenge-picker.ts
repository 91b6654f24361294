import { bilingual } from "../bilingual";

/** The challenge picker shared by the campaign and invitation forms. */
export const challengePicker = bilingual(
  {
    promotion: "Promotion",
    allPromotions: "Toutes les promotions",
    challenge: "Défi à ajouter",
    placeholder: "Choisir un défi",
    add: "Ajouter",
    remove: "Retirer",
    picked: "Défis choisis",
  },
  {
    promotion: "Promotion",
    allPromotions: "All promotions",
    challenge: "Challenge to add",
    placeholder: "Choose a challenge",
    add: "Add",
    remove: "Remove",
    picked: "Chosen challenges",
  },
);
