// The shared schemas' own messages, in both languages. A schema asks for one lazily
// (`{ error: sm("…") }`), so that it is written in the language of whoever is reading
// when the value is checked: the request's on the server, the interface's in the browser.
import { currentLang, translator, type Catalogue, type Params } from "./catalogue";

export const SCHEMA_MESSAGES = {
  "password.tooShort": { fr: "Le mot de passe doit compter au moins {min} caractères.", en: "The password must be at least {min} characters long." },
  "password.tooLong": { fr: "Le mot de passe ne peut dépasser 256 caractères.", en: "The password cannot exceed 256 characters." },
  "campaign.promotionKey": { fr: "Clé de promotion invalide.", en: "Invalid promotion key." },
  "campaign.nameRequired": { fr: "Le nom de la campagne est obligatoire.", en: "The campaign needs a name." },
  "campaign.nameOneLine": { fr: "Le nom de la campagne tient sur une ligne.", en: "The campaign name must fit on one line." },
  "campaign.deadlinePast": { fr: "L'échéance ne peut pas être dans le passé.", en: "The deadline cannot be in the past." },
  "campaign.deadlineTooFar": { fr: "L'échéance doit être dans les {days} jours.", en: "The deadline must be within {days} days." },
  "campaign.tooManyPromotions": { fr: "50 promotions au plus.", en: "50 promotions at most." },
  "campaign.tooManyChallenges": {
    fr: "{max} défis choisis un à un au plus : choisissez plutôt des promotions.",
    en: "{max} challenges picked one by one at most: pick promotions instead.",
  },
  "campaign.emptyScope": { fr: "Choisissez au moins une promotion ou un défi.", en: "Pick at least one promotion or challenge." },
  "campaign.nothingToEdit": {
    fr: "Rien à modifier : changez le nom, l'échéance ou ajoutez des défis.",
    en: "Nothing to change: change the name or the deadline, or add challenges.",
  },
  "search.tooLong": { fr: "Recherche limitée à 200 caractères.", en: "Search is limited to 200 characters." },
  "date.format": { fr: "Date attendue au format AAAA-MM-JJ.", en: "Date expected as YYYY-MM-DD." },
  "challenge.slug": { fr: "Identifiant de défi invalide.", en: "Invalid challenge identifier." },
  "text.tooLong": { fr: "{label} : {max} caractères au plus.", en: "{label}: {max} characters at most." },
  "text.control": { fr: "{label} : caractères de contrôle interdits.", en: "{label}: control characters are not allowed." },
  "email.invalid": { fr: "Adresse électronique invalide.", en: "Invalid email address." },
  "email.tooLong": { fr: "Adresse électronique trop longue.", en: "Email address too long." },
  "name.required": { fr: "Le nom est obligatoire.", en: "The name is required." },
  "user.nothingToEdit": { fr: "Rien à modifier.", en: "Nothing to change." },
  "user.tooManyMentors": { fr: "50 mentors au plus par défi.", en: "50 mentors at most per challenge." },
  "snapshot.nameRequired": { fr: "Donnez un nom à l'instantané.", en: "Give the snapshot a name." },
  "snapshot.nameTooLong": { fr: "Le nom tient en 120 caractères au plus.", en: "The name must be 120 characters at most." },
  "snapshot.id": { fr: "Identifiant d'instantané invalide.", en: "Invalid snapshot identifier." },
  "report.orientation": { fr: "Orientation attendue : « portrait » ou « landscape ».", en: "Orientation expected: “portrait” or “landscape”." },
  "stats.skill": { fr: "Compétence invalide.", en: "Invalid skill." },
  "data.view": { fr: "Données attendues : « all », « validated » ou « declared ».", en: "Data expected: “all”, “validated” or “declared”." },
  "review.decision": { fr: "Décision attendue : « validated » ou « sent_back ».", en: "Decision expected: “validated” or “sent_back”." },
  "review.commentRequired": {
    fr: "Un commentaire est obligatoire pour renvoyer une déclaration : dites au mentor ce qui ne va pas.",
    en: "Sending a declaration back needs a comment: tell the mentor what is wrong.",
  },
  "review.state": { fr: "État attendu : « declared » ou « sent_back ».", en: "State expected: “declared” or “sent_back”." },
  "identity.token": {
    fr: "Ce lien n'est pas valide : vérifiez qu'il a été copié en entier.",
    en: "This link is not valid: check that it was copied in full.",
  },
  "identity.codeTooLong": { fr: "Code trop long.", en: "Code too long." },
  "identity.codeFormat": { fr: "Saisissez le code à 6 chiffres ou un code de secours.", en: "Enter the 6-digit code or a recovery code." },
  "invitation.tooManyChallenges": { fr: "50 défis au plus.", en: "50 challenges at most." },
  "date.tooEarly": { fr: "La date ne peut précéder le 1er janvier 2016.", en: "The date cannot be before 1 January 2016." },
  "date.afterToday": { fr: "La date ne peut être postérieure à aujourd'hui.", en: "The date cannot be later than today." },
  "url.https": { fr: "L'adresse doit commencer par https://", en: "The address must start with https://" },
  "url.httpOrHttps": { fr: "Lien attendu en http:// ou https://.", en: "Link expected in http:// or https://." },
  "url.tooLong": { fr: "Lien : {max} caractères au plus.", en: "Link: {max} characters at most." },
  "list.level": { fr: "Niveau attendu : 0, 1, 2, 3 ou « none ».", en: "Level expected: 0, 1, 2, 3 or “none”." },
  "list.flag": { fr: "Valeur attendue : « true ».", en: "Value expected: “true”." },
  "list.mentor": { fr: "Identifiant de mentor invalide.", en: "Invalid mentor identifier." },
  "list.sort": {
    fr: "Tri attendu : name, promotion, lastReport, production, transmission ou reliability.",
    en: "Sort expected: name, promotion, lastReport, production, transmission or reliability.",
  },
  "list.order": { fr: "Ordre attendu : « asc » ou « desc ».", en: "Order expected: “asc” or “desc”." },
  "retraction.reasonRequired": { fr: "Le motif du retrait est obligatoire.", en: "The reason for the retraction is required." },
  "categories.required": { fr: "Choisissez au moins une catégorie.", en: "Pick at least one category." },
  "categories.duplicate": { fr: "Catégorie en double.", en: "Duplicate category." },
  "title.required": { fr: "L'intitulé est obligatoire.", en: "The title is required." },
  "checklist.item": { fr: "Élément de la liste de passation inconnu.", en: "Unknown handover checklist item." },
  "export.lang": { fr: "Langue attendue : « fr » ou « en ».", en: "Language expected: “fr” or “en”." },
  "export.separator": { fr: "Séparateur attendu : « , » ou « ; ».", en: "Separator expected: “,” or “;”." },
  "text.required": { fr: "{label} : obligatoire.", en: "{label}: required." },
  "catalogue.endBeforeStart": {
    fr: "La date de fin doit être postérieure ou égale à la date de début.",
    en: "The end date must be on or after the start date.",
  },
  "catalogue.promotionKey": {
    fr: "Numéro ou code : chiffres, minuscules et tirets, 20 caractères au plus.",
    en: "Number or code: digits, lower-case letters and hyphens, 20 characters at most.",
  },
  "bulk.kind": { fr: "Type attendu : « status_update » ou « outcome ».", en: "Kind expected: “status_update” or “outcome”." },
  "bulk.empty": { fr: "Au moins une déclaration attendue.", en: "At least one declaration expected." },
  "bulk.tooMany": { fr: "200 déclarations au plus à la fois.", en: "200 declarations at most at once." },
} as const satisfies Catalogue;

/** The names of the free-text fields, as the schemas give them (in French) and in English. */
const FIELD_LABELS_EN: Readonly<Record<string, string>> = {
  "Nom de la campagne": "Campaign name",
  Nom: "Name",
  Commentaire: "Comment",
  Note: "Note",
  Motif: "Reason",
  Intitulé: "Title",
  Porteur: "Owner",
  "Besoins et difficultés": "Needs and difficulties",
  "Ressources nécessaires": "Resources needed",
  Gouvernance: "Governance",
  Calendrier: "Schedule",
  Rôle: "Role",
  Hébergement: "Hosting",
  Titre: "Title",
  Administration: "Administration",
  Ville: "City",
};
export const fieldLabel = (label: string): string => (currentLang() === "en" ? (FIELD_LABELS_EN[label] ?? label) : label);

export type SchemaMessageKey = keyof typeof SCHEMA_MESSAGES;
const { t } = translator(SCHEMA_MESSAGES);
export const schemaMessage = t;

/** A zod `error` option that renders the message when the issue is raised, in the reader's language. */
export function sm<K extends SchemaMessageKey>(key: K, ...params: Params<typeof SCHEMA_MESSAGES, K>): () => string {
  return () => t(key, ...params);
}
