// Every user-facing text the server writes (problem+json titles and details, field errors,
// emails, command-line output), French and English side by side. Adding one is one line:
//   "area.what": { fr: "Texte avec {param}.", en: "Text with {param}." },
// then `t("area.what", { param })` where the message is raised: it is written in the
// language of the request being answered (http/request-lang.ts), or LANG's for the CLI.
// tests/unit/server-messages.test.ts checks each entry has both texts and the same {params}.
import { translator, type Catalogue } from "@shared/i18n/catalogue";

export const SERVER_MESSAGES = {
  // ----- http/errors.ts: the generic problems
  "problem.unauthorized.title": { fr: "Authentification requise", en: "Authentication required" },
  "problem.unauthorized": { fr: "Connectez-vous pour accéder à cette ressource.", en: "Sign in to access this resource." },
  "problem.forbidden.title": { fr: "Accès refusé", en: "Access denied" },
  "problem.forbidden": { fr: "Votre compte ne permet pas cette action.", en: "Your account does not allow this action." },
  "problem.conflict.title": { fr: "Conflit", en: "Conflict" },
  "problem.invalid.title": { fr: "Requête invalide", en: "Invalid request" },
  "problem.invalid": { fr: "La requête contient des valeurs invalides.", en: "The request contains invalid values." },
  "problem.invalid.many": {
    fr: "La requête contient {count} valeurs invalides ; voici les {max} premières.",
    en: "The request contains {count} invalid values; here are the first {max}.",
  },
  "problem.notFound.title": { fr: "Introuvable", en: "Not found" },
  "problem.notFound": { fr: "La ressource demandée n'existe pas.", en: "The requested resource does not exist." },
  "problem.noSuchRoute": { fr: "Cette adresse ne correspond à aucune ressource de l'API.", en: "This address matches no resource of the API." },
  "problem.parser.tooLarge": { fr: "Le corps de la requête est trop volumineux (100 ko au plus).", en: "The request body is too large (100 kB at most)." },
  "problem.parser.notJson": { fr: "Le corps de la requête n'est pas du JSON valide.", en: "The request body is not valid JSON." },
  "problem.parser.refused": { fr: "Le corps de la requête a été refusé.", en: "The request body was refused." },
  "problem.parser.charset": {
    fr: "Jeu de caractères non pris en charge : envoyez du JSON en UTF-8.",
    en: "Unsupported character set: send JSON in UTF-8.",
  },
  "problem.parser.encoding": { fr: "Compression du corps non prise en charge.", en: "Unsupported body compression." },
  "problem.parser.aborted": { fr: "La requête a été interrompue avant la fin de son corps.", en: "The request was interrupted before the end of its body." },
  "problem.parser.size": {
    fr: "La taille annoncée du corps ne correspond pas à ce qui a été reçu.",
    en: "The announced body size does not match what was received.",
  },
  "problem.secret.title": { fr: "Double authentification inutilisable", en: "Two-factor authentication unusable" },
  "problem.secret": {
    fr: "Le secret de double authentification de ce compte ne peut pas être déchiffré par le serveur ; l'incident a été consigné. Un administrateur peut retirer la double authentification du compte (npm run user -- reset-totp) pour qu'elle soit enregistrée de nouveau.",
    en: "The server cannot decrypt this account's two-factor secret; the incident has been logged. An administrator can remove the account's two-factor authentication (npm run user -- reset-totp) so that it is enrolled again.",
  },
  "problem.unavailable.title": { fr: "Service momentanément indisponible", en: "Service temporarily unavailable" },
  "problem.unavailable.busy": { fr: "La base de données est occupée : réessayez dans un instant.", en: "The database is busy: try again in a moment." },
  "problem.unavailable.down": { fr: "La base de données ne répond pas ; l'incident a été consigné.", en: "The database does not answer; the incident has been logged." },
  "problem.internal.title": { fr: "Erreur interne", en: "Internal error" },
  "problem.internal": { fr: "Une erreur inattendue est survenue ; elle a été consignée.", en: "An unexpected error occurred; it has been logged." },
  "problem.internal.withRef": {
    fr: "Une erreur inattendue est survenue ; elle a été consignée (référence {ref}).",
    en: "An unexpected error occurred; it has been logged (reference {ref}).",
  },
  "problem.tooLarge.title": { fr: "Corps trop volumineux", en: "Body too large" },
  "problem.tooLarge": { fr: "Le corps de la requête est trop volumineux.", en: "The request body is too large." },
  "problem.unsupportedType.title": { fr: "Type de contenu non pris en charge", en: "Unsupported content type" },
  "problem.refused.title": { fr: "Requête refusée", en: "Request refused" },
  "problem.unreadable": { fr: "La requête n'a pas pu être lue.", en: "The request could not be read." },

  // ----- access, sign-in, throttling
  "access.csrf": {
    fr: "Jeton anti-CSRF absent ou invalide : rechargez la page puis réessayez.",
    en: "Anti-CSRF token missing or invalid: reload the page and try again.",
  },
  "access.challengeUnknown": { fr: "Ce défi n'existe pas.", en: "This challenge does not exist." },
  "access.notChallengeMentor": {
    fr: "Seuls l'équipe du programme et les mentors de ce défi peuvent le modifier.",
    en: "Only the programme team and this challenge's mentors can edit it.",
  },
  "login.failed.title": { fr: "Identifiants incorrects", en: "Wrong credentials" },
  "login.failed": { fr: "Adresse électronique ou mot de passe incorrect.", en: "Wrong email address or password." },
  "throttle.title": { fr: "Trop de tentatives", en: "Too many attempts" },
  "throttle.detail": {
    fr: "Trop de tentatives de connexion. Réessayez dans {minutes} minute(s).",
    en: "Too many sign-in attempts. Try again in {minutes} minute(s).",
  },
  "locked.title": { fr: "Connexion bloquée temporairement", en: "Sign-in temporarily blocked" },
  "locked.detail": {
    fr: "Trop d'échecs de connexion pour ce compte : elle est bloquée pour {minutes} minute(s). Vous pouvez aussi choisir un nouveau mot de passe avec « Mot de passe oublié ? ».",
    en: "Too many failed sign-ins for this account: it is blocked for {minutes} minute(s). You can also choose a new password with “Forgot your password?”.",
  },
  "secondFactor.loginExpired": {
    fr: "Votre connexion a expiré ou n'a pas commencé : recommencez (mot de passe ou ProConnect).",
    en: "Your sign-in has expired or has not started: start again (password or ProConnect).",
  },
  "secondFactor.refused.title": { fr: "Code refusé", en: "Code refused" },
  "secondFactor.wrongCode": { fr: "Code incorrect ou déjà utilisé.", en: "Wrong or already used code." },
  "secondFactor.tooManyTries": { fr: "Code incorrect. Trop d'essais : recommencez la connexion.", en: "Wrong code. Too many tries: start signing in again." },
  "secondFactor.enrolmentRefused": {
    fr: "Code incorrect : vérifiez l'heure de votre téléphone et saisissez le code affiché.",
    en: "Wrong code: check your phone's clock and enter the code shown.",
  },
  "secondFactor.showKeyFirst": { fr: "Commencez par afficher la clé à enregistrer.", en: "First show the key to enrol." },
  "secondFactor.currentCodeNeeded": {
    fr: "La double authentification est déjà activée : saisissez un code actuel de votre application (ou un code de secours) pour la remplacer.",
    en: "Two-factor authentication is already on: enter a current code from your app (or a recovery code) to replace it.",
  },
  "password.common": {
    fr: "Ce mot de passe fait partie des plus courants ou de ceux qui ont déjà fuité : il serait deviné en quelques essais. Choisissez-en un autre, par exemple une phrase de plusieurs mots.",
    en: "This password is among the most common or already leaked ones: it would be guessed in a few tries. Choose another one, for example a sentence of several words.",
  },
  "password.repeated": {
    fr: "Ce mot de passe n'est qu'un même caractère répété : choisissez-en un autre, par exemple une phrase de plusieurs mots.",
    en: "This password is a single repeated character: choose another one, for example a sentence of several words.",
  },
  "password.email": {
    fr: "Le mot de passe ne peut pas être votre adresse électronique, ni ce qui précède « @ » : choisissez-en un autre.",
    en: "The password cannot be your email address, nor what comes before “@”: choose another one.",
  },

  // ----- emailed links
  "link.invalid.title": { fr: "Lien invalide", en: "Invalid link" },
  "link.unusable.title": { fr: "Lien inutilisable", en: "Unusable link" },
  "link.unknown": {
    fr: "Ce lien n'est pas valide : il a peut-être été copié en partie, ou remplacé par un lien plus récent. Utilisez le dernier lien reçu, ou demandez-en un nouveau.",
    en: "This link is not valid: it may have been copied in part, or replaced by a newer link. Use the latest link received, or ask for a new one.",
  },
  "link.used": {
    fr: "Ce lien a déjà été utilisé. Connectez-vous avec votre adresse électronique et votre mot de passe, ou demandez un nouveau lien.",
    en: "This link has already been used. Sign in with your email address and password, or ask for a new link.",
  },
  "link.invitationExpired": {
    fr: "Ce lien a expiré. Demandez à l'équipe du programme de vous inviter de nouveau.",
    en: "This link has expired. Ask the programme team to invite you again.",
  },
  "link.invitationRevoked": { fr: "Cette invitation a été annulée par l'équipe du programme.", en: "This invitation was cancelled by the programme team." },
  "link.resetExpired": {
    fr: "Ce lien a expiré. Demandez un nouveau lien depuis « Mot de passe oublié ? » sur la page de connexion.",
    en: "This link has expired. Ask for a new link from “Forgot your password?” on the sign-in page.",
  },

  // ----- accounts, invitations
  "account.exists": { fr: "Un compte existe déjà pour « {email} ».", en: "An account already exists for “{email}”." },
  "account.unknown": { fr: "Ce compte n'existe pas.", en: "This account does not exist." },
  "account.lastAdmin": { fr: "Il doit rester au moins un administrateur actif.", en: "At least one active administrator must remain." },
  "account.notActiveMentor": { fr: "Le compte {id} n'est pas un mentor actif.", en: "Account {id} is not an active mentor." },
  "invitation.onlyMentorsGetChallenges": { fr: "Seul un mentor peut recevoir des défis.", en: "Only a mentor can be given challenges." },
  "invitation.unknownChallenge": { fr: "Le défi « {slug} » n'existe pas.", en: "Challenge “{slug}” does not exist." },
  "invitation.notPending": { fr: "Cette invitation n'est plus en attente.", en: "This invitation is no longer pending." },

  // ----- reads, campaigns, snapshots, writes, validation
  "reads.unknownPromotions": { fr: "Promotion inconnue : « {keys} ».", en: "Unknown promotion: “{keys}”." },
  "reads.unknownChallenge": { fr: "Aucun défi n'a l'identifiant « {slug} ».", en: "No challenge has the identifier “{slug}”." },
  "campaign.unknown": { fr: "Cette campagne n'existe pas.", en: "This campaign does not exist." },
  "campaign.closedNoEdit": {
    fr: "Cette campagne est close : elle ne peut plus être modifiée. Ouvrez-en une nouvelle si besoin.",
    en: "This campaign is closed: it can no longer be changed. Open a new one if needed.",
  },
  "campaign.unknownScopeEdit": {
    fr: "Certaines promotions ou certains défis n'existent pas : rien n'a été modifié.",
    en: "Some promotions or challenges do not exist: nothing was changed.",
  },
  "campaign.unknownScopeCreate": {
    fr: "Certaines promotions ou certains défis n'existent pas : rien n'a été créé.",
    en: "Some promotions or challenges do not exist: nothing was created.",
  },
  "campaign.unknownPromotion": { fr: "Promotion inconnue : « {key} ».", en: "Unknown promotion: “{key}”." },
  "campaign.unknownChallenge": { fr: "Défi inconnu : « {slug} ».", en: "Unknown challenge: “{slug}”." },
  "campaign.promotionsWithoutChallenges": { fr: "Ces promotions n'ont aucun défi.", en: "These promotions have no challenge." },
  "campaign.noChallenge": {
    fr: "La campagne ne porterait sur aucun défi : rien n'a été créé.",
    en: "The campaign would cover no challenge: nothing was created.",
  },
  "campaign.alreadyClosed": { fr: "Cette campagne est déjà close.", en: "This campaign is already closed." },
  "campaign.closedNoReminders": { fr: "Cette campagne est close : elle n'envoie plus de relances.", en: "This campaign is closed: it sends no more reminders." },
  "snapshot.unknown": { fr: "Aucun instantané n'a l'identifiant {id}.", en: "No snapshot has the identifier {id}." },
  "snapshot.duplicate": {
    fr: "Un instantané s'appelle déjà « {name} » : choisissez un autre nom.",
    en: "A snapshot is already named “{name}”: choose another name.",
  },
  "writes.nothingToConfirm": { fr: "Aucun axe n'a encore de statut : rien à confirmer.", en: "No axis has a status yet: nothing to confirm." },
  "writes.axisUnreported": {
    fr: "L'axe « {axis} » n'a pas encore de statut : rien à confirmer.",
    en: "The “{axis}” axis has no status yet: nothing to confirm.",
  },
  "writes.axisSentBack": {
    fr: "Le niveau de l'axe « {axis} » a été renvoyé par l'équipe du programme : enregistrez un nouveau niveau plutôt que « Toujours exact ».",
    en: "The level of the “{axis}” axis was sent back by the programme team: record a new level rather than “Still accurate”.",
  },
  "writes.onlySentBack": {
    fr: "Les niveaux enregistrés ont été renvoyés par l'équipe du programme : enregistrez de nouveaux niveaux plutôt que « Toujours exact ».",
    en: "The recorded levels were sent back by the programme team: record new levels rather than “Still accurate”.",
  },
  "writes.updateUnknown": { fr: "Cette mise à jour n'existe pas.", en: "This update does not exist." },
  "writes.alreadyRetracted": { fr: "Cette mise à jour a déjà été retirée.", en: "This update has already been retracted." },
  "writes.versionRequired.title": { fr: "Version requise", en: "Version required" },
  "writes.versionRequired": {
    fr: "Envoyez l'en-tête If-Match avec la version du défi que vous avez modifiée.",
    en: "Send the If-Match header with the version of the challenge you edited.",
  },
  "writes.itemVersionRequired": {
    fr: "Envoyez l'en-tête If-Match avec la version de l'élément que vous avez modifié (champ version).",
    en: "Send the If-Match header with the version of the item you edited (its version field).",
  },
  "writes.ifMatchInteger": { fr: "If-Match doit être la version (un entier).", en: "If-Match must be the version (an integer)." },
  "writes.changedSince": {
    fr: "Le défi a été modifié depuis que vous l'avez ouvert : voici son état actuel.",
    en: "The challenge has changed since you opened it: here is its current state.",
  },
  "review.updateUnknown": { fr: "Cette mise à jour n'existe pas.", en: "This update does not exist." },
  "review.outcomeUnknown": { fr: "Ce résultat n'existe pas.", en: "This outcome does not exist." },
  "review.retracted": {
    fr: "Cette mise à jour a été retirée : elle ne compte plus, il n'y a rien à valider.",
    en: "This update has been retracted: it no longer counts, there is nothing to validate.",
  },
  "review.bulk.retracted": {
    fr: "La mise à jour n° {id} a été retirée : elle ne compte plus, il n'y a rien à valider.",
    en: "Update no. {id} was retracted: it no longer counts, there is nothing to validate.",
  },
  "review.bulk.update.notOfChallenge": {
    fr: "La mise à jour n° {id} n'est pas une déclaration de ce défi.",
    en: "Update no. {id} is not a declaration of this challenge.",
  },
  "review.bulk.outcome.notOfChallenge": {
    fr: "Le résultat n° {id} n'est pas une déclaration de ce défi.",
    en: "Outcome no. {id} is not a declaration of this challenge.",
  },
  "review.bulk.update.alreadyValidated": { fr: "La mise à jour n° {id} est déjà validée.", en: "Update no. {id} is already validated." },
  "review.bulk.outcome.alreadyValidated": { fr: "Le résultat n° {id} est déjà validé.", en: "Outcome no. {id} is already validated." },
  "review.bulk.update.notPending": {
    fr: "La mise à jour n° {id} n'est pas une déclaration en attente.",
    en: "Update no. {id} is not a declaration awaiting review.",
  },
  "review.bulk.outcome.notPending": {
    fr: "Le résultat n° {id} n'est pas une déclaration en attente.",
    en: "Outcome no. {id} is not a declaration awaiting review.",
  },
  "review.bulk.update.inForce": {
    fr: "La mise à jour n° {id} est en vigueur : validez-la ou renvoyez-la.",
    en: "Update no. {id} is in force: validate it or send it back.",
  },
  "review.bulk.outcome.inForce": {
    fr: "Le résultat n° {id} est en vigueur : validez-le ou renvoyez-le.",
    en: "Outcome no. {id} is in force: validate it or send it back.",
  },
  "review.bulk.update.alreadyDismissed": { fr: "La mise à jour n° {id} a déjà été écartée.", en: "Update no. {id} has already been set aside." },
  "review.bulk.outcome.alreadyDismissed": { fr: "Le résultat n° {id} a déjà été écarté.", en: "Outcome no. {id} has already been set aside." },
  "review.update.validated": { fr: "Cette mise à jour est déjà validée.", en: "This update is already validated." },
  "review.update.sent_back": { fr: "Cette mise à jour est déjà renvoyée au mentor.", en: "This update has already been sent back to the mentor." },
  "review.outcome.validated": { fr: "Ce résultat est déjà validé.", en: "This outcome is already validated." },
  "review.outcome.sent_back": { fr: "Ce résultat est déjà renvoyé au mentor.", en: "This outcome has already been sent back to the mentor." },

  // ----- emails
  "mail.signature": { fr: "L'équipe du programme Entrepreneurs d'intérêt général", en: "The Entrepreneurs d'intérêt général programme team" },
  "mail.invitation.subject": { fr: "Invitation au suivi de pérennisation des défis EIG", en: "Invitation to the EIG challenges sustainability tracker" },
  "mail.hello": { fr: "Bonjour {name},", en: "Hello {name}," },
  "mail.helloAnonymous": { fr: "Bonjour,", en: "Hello," },
  "mail.invitation.invites": {
    fr: "{inviter} vous invite à rejoindre le suivi de pérennisation des défis EIG (rôle : {role}).",
    en: "{inviter} invites you to join the EIG challenges sustainability tracker (role: {role}).",
  },
  "mail.invitation.howWithProConnect": {
    fr: "Pour activer votre compte, ouvrez ce lien puis choisissez votre mot de passe, ou identifiez-vous avec ProConnect :",
    en: "To activate your account, open this link and choose your password, or identify yourself with ProConnect:",
  },
  "mail.invitation.how": {
    fr: "Pour activer votre compte, ouvrez ce lien puis choisissez votre mot de passe :",
    en: "To activate your account, open this link and choose your password:",
  },
  "mail.invitation.validity": {
    fr: "Ce lien est personnel, utilisable une seule fois et valable {days} jours.",
    en: "This link is personal, can be used once and is valid for {days} days.",
  },
  "mail.invitation.ignore": {
    fr: "Si vous n'attendiez pas cette invitation, ignorez ce message : aucun compte ne sera créé.",
    en: "If you were not expecting this invitation, ignore this message: no account will be created.",
  },
  "mail.reset.subject": {
    fr: "Réinitialisation de votre mot de passe — suivi des défis EIG",
    en: "Resetting your password — EIG challenges tracker",
  },
  "mail.reset.asked": {
    fr: "Une réinitialisation du mot de passe de votre compte a été demandée. Pour choisir un nouveau mot de passe, ouvrez ce lien :",
    en: "A password reset was requested for your account. To choose a new password, open this link:",
  },
  "mail.reset.validity": {
    fr: "Ce lien est utilisable une seule fois et valable {minutes} minutes. Vos sessions ouvertes seront fermées.",
    en: "This link can be used once and is valid for {minutes} minutes. Your open sessions will be closed.",
  },
  "mail.reset.ignore": {
    fr: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
    en: "If you did not ask for this, ignore this message: your password stays unchanged.",
  },

  "mail.locked.subject": {
    fr: "Connexion à votre compte bloquée temporairement — suivi des défis EIG",
    en: "Sign-in to your account temporarily blocked — EIG challenges tracker",
  },
  "mail.locked.password": {
    fr: "{failures} tentatives de connexion à votre compte ({email}) ont échoué sur un mot de passe erroné, en moins d'une heure.",
    en: "{failures} sign-in attempts to your account ({email}) failed on a wrong password, in less than an hour.",
  },
  "mail.locked.secondFactor": {
    fr: "{failures} codes de vérification erronés ont été saisis pour votre compte ({email}) en moins d'une heure, après un mot de passe correct.",
    en: "{failures} wrong verification codes were entered for your account ({email}) in less than an hour, after a correct password.",
  },
  "mail.locked.ifNotYouPassword": {
    fr: "Si ce n'était pas vous, quelqu'un essaie de deviner votre mot de passe : choisissez-en un nouveau, long et que vous n'utilisez nulle part ailleurs.",
    en: "If it was not you, someone is trying to guess your password: choose a new one, long and used nowhere else.",
  },
  "mail.locked.ifNotYouSecondFactor": {
    fr: "Si ce n'était pas vous, quelqu'un connaît votre mot de passe : changez-le sans attendre, et prévenez l'équipe du programme.",
    en: "If it was not you, someone knows your password: change it at once, and tell the programme team.",
  },
  "mail.locked.withLink": {
    fr: "Ce lien vous permet de choisir un nouveau mot de passe ; il lève aussi le blocage (utilisable une seule fois, valable {minutes} minutes) :",
    en: "This link lets you choose a new password; it also lifts the block (can be used once, valid for {minutes} minutes):",
  },
  "mail.locked.withoutLink": {
    fr: "Sur la page de connexion, « Mot de passe oublié ? » vous envoie un lien pour en choisir un nouveau ; il lève aussi le blocage.",
    en: "On the sign-in page, “Forgot your password?” sends you a link to choose a new one; it also lifts the block.",
  },
  "mail.locked.until": {
    fr: "Par précaution, la connexion par mot de passe à votre compte est bloquée jusqu'au {until} (heure de Paris), même avec le bon mot de passe.",
    en: "As a precaution, password sign-in to your account is blocked until {until} (Paris time), even with the right password.",
  },
  "mail.locked.ifYou": {
    fr: "Si c'était vous, attendez cette heure pour réessayer, ou choisissez un nouveau mot de passe.",
    en: "If it was you, wait until then to try again, or choose a new password.",
  },

  // ----- backups and restores (db/backup.ts, db/lock.ts, cli/backup.ts, cli/restore.ts)
  "backup.usage": {
    fr: "Usage : npm run backup -- FICHIER [--force]   (--force remplace un fichier existant)",
    en: "Usage: npm run backup -- FILE [--force]   (--force replaces an existing file)",
  },
  "backup.written": {
    fr: "Sauvegarde écrite : {file} ({size} Mo, {challenges} défis, {statusUpdates} mises à jour de statut, schéma version {version}, intégrité vérifiée).",
    en: "Backup written: {file} ({size} MB, {challenges} challenges, {statusUpdates} status updates, schema version {version}, integrity checked).",
  },
  "backup.failed": { fr: "Sauvegarde impossible : {reason}", en: "Backup impossible: {reason}" },
  "restore.usage": { fr: "Usage : npm run restore -- FICHIER   (serveur arrêté)", en: "Usage: npm run restore -- FILE   (server stopped)" },
  "restore.done": {
    fr: "Base restaurée depuis {file} : {challenges} défis, {statusUpdates} mises à jour de statut, {users} comptes, schéma version {version} (intégrité vérifiée).",
    en: "Database restored from {file}: {challenges} challenges, {statusUpdates} status updates, {users} accounts, schema version {version} (integrity checked).",
  },
  "restore.migrationsPending": {
    fr: "Les migrations manquantes seront appliquées au prochain démarrage du serveur.",
    en: "The missing migrations will be applied at the next server start.",
  },
  "restore.previousKept": { fr: "L'ancienne base est conservée sous {file}.", en: "The previous database is kept as {file}." },
  "restore.refused": { fr: "Restauration refusée : {reason}", en: "Restore refused: {reason}" },
  "backup.cannotOpen": { fr: "Impossible d'ouvrir {name} comme base SQLite.", en: "Cannot open {name} as an SQLite database." },
  "backup.corrupt": { fr: "{name} est endommagé ({reason}).", en: "{name} is damaged ({reason})." },
  "backup.unreadable": { fr: "{name} n'est pas une base SQLite lisible.", en: "{name} is not a readable SQLite database." },
  "backup.integrity": { fr: "{name} est endommagé (integrity_check) : {problems}", en: "{name} is damaged (integrity_check): {problems}" },
  "backup.foreignKeys": {
    fr: "{name} contient {count} référence(s) cassée(s) (foreign_key_check).",
    en: "{name} contains {count} broken reference(s) (foreign_key_check).",
  },
  "backup.notOurs": {
    fr: "{name} n'est pas une base de ce tableau de bord (tables absentes : {tables}).",
    en: "{name} is not a database of this dashboard (missing tables: {tables}).",
  },
  "backup.schemaVersion": {
    fr: "{name} est à la version de schéma {version}, que ce code (version {expected}) ne sait pas reprendre.",
    en: "{name} is at schema version {version}, which this code (version {expected}) cannot take over.",
  },
  "backup.copyLabel": { fr: "La copie pour {destination}", en: "The copy for {destination}" },
  "backup.noDatabase": { fr: "Aucune base à sauvegarder : {path} n'existe pas.", en: "No database to back up: {path} does not exist." },
  "backup.overDatabase": {
    fr: "La sauvegarde ne peut pas remplacer la base elle-même ni ses fichiers (clé comprise).",
    en: "The backup cannot replace the database itself nor its files (key included).",
  },
  "backup.exists": {
    fr: "{destination} existe déjà : choisissez un autre nom ou ajoutez --force pour le remplacer.",
    en: "{destination} already exists: choose another name or add --force to replace it.",
  },
  "backup.noFolder": { fr: "Le dossier {directory} n'existe pas.", en: "The folder {directory} does not exist." },
  "restore.notFound": { fr: "Sauvegarde introuvable : {file}.", en: "Backup not found: {file}." },
  "restore.sameFile": { fr: "La sauvegarde est la base elle-même : rien à restaurer.", en: "The backup is the database itself: nothing to restore." },
  "lock.inUse": {
    fr: "La base est en cours d'utilisation (serveur ou sauvegarde en marche, verrou {lock}) : arrêtez le serveur avant de restaurer.",
    en: "The database is in use (server or backup running, lock {lock}): stop the server before restoring.",
  },
  "lock.restoring": {
    fr: "Une restauration est en cours sur cette base (verrou {lock}) : attendez qu'elle se termine.",
    en: "A restore is running on this database (lock {lock}): wait until it ends.",
  },

  // ----- body limits (http/limits.ts), snapshots as a source, printing (report/print-report.ts)
  "limits.notJson": {
    fr: "Le corps de la requête doit être du JSON (Content-Type: application/json).",
    en: "The request body must be JSON (Content-Type: application/json).",
  },
  "limits.string": { fr: "Texte trop long : {max} caractères au plus.", en: "Text too long: {max} characters at most." },
  "limits.nul": { fr: "Caractère nul (U+0000) interdit.", en: "Null character (U+0000) not allowed." },
  "limits.depth": { fr: "Imbrication trop profonde : {max} niveaux au plus.", en: "Nesting too deep: {max} levels at most." },
  "limits.array": { fr: "Liste trop longue : {max} éléments au plus.", en: "List too long: {max} items at most." },
  "limits.object": { fr: "Objet trop grand : {max} champs au plus.", en: "Object too large: {max} fields at most." },
  "limits.key": { fr: "Nom de champ invalide.", en: "Invalid field name." },
  "limits.exceeded": { fr: "La requête dépasse les limites acceptées.", en: "The request exceeds the accepted limits." },
  "source.unknownSnapshot": { fr: "Aucun instantané n'a l'identifiant {id}.", en: "No snapshot has the identifier {id}." },
  "print.unavailable.title": { fr: "Impression indisponible", en: "Printing unavailable" },
  "print.noChromium": {
    fr: "Le serveur n'a pas de navigateur pour préparer le PDF (Chromium absent) : utilisez « Imprimer » puis « Enregistrer au format PDF ».",
    en: "The server has no browser to prepare the PDF (Chromium missing): use “Print” then “Save as PDF”.",
  },
  "print.running.title": { fr: "Impression en cours", en: "Printing in progress" },
  "print.running": {
    fr: "Votre rapport précédent est encore en préparation : attendez qu'il soit prêt.",
    en: "Your previous report is still being prepared: wait until it is ready.",
  },
  "print.busy": {
    fr: "D'autres rapports sont en cours de préparation : réessayez dans quelques secondes.",
    en: "Other reports are being prepared: try again in a few seconds.",
  },
  "print.incomplete.title": { fr: "Rapport incomplet", en: "Incomplete report" },
  "print.incomplete": {
    fr: "Une partie du rapport n'a pas pu être chargée : réessayez dans un instant.",
    en: "Part of the report could not be loaded: try again in a moment.",
  },
  "print.timeout": {
    fr: "La préparation du PDF a dépassé {seconds} secondes : réessayez, ou utilisez « Imprimer ».",
    en: "Preparing the PDF took more than {seconds} seconds: try again, or use “Print”.",
  },
  "print.failed": {
    fr: "Le navigateur du serveur n'a pas pu préparer le PDF : utilisez « Imprimer » puis « Enregistrer au format PDF ».",
    en: "The server's browser could not prepare the PDF: use “Print” then “Save as PDF”.",
  },
  "access.secondFactorRequired": {
    fr: "Les fonctions d'administration demandent une session ouverte avec la double authentification : déconnectez-vous puis reconnectez-vous avec votre code.",
    en: "Administration needs a session opened with two-factor authentication: sign out, then sign in again with your code.",
  },
  "items.scenarioElsewhere": { fr: "Ce scénario n'appartient pas à ce défi.", en: "This scenario does not belong to this challenge." },
  "items.stopExists": { fr: "Ce défi a déjà un scénario d'arrêt.", en: "This challenge already has a stop scenario." },
  "items.tooManyScenarios": {
    fr: "Trois scénarios au plus, plus un scénario d'arrêt : supprimez-en un d'abord.",
    en: "Three scenarios at most, plus a stop scenario: delete one first.",
  },
  "items.action.unknown": { fr: "Cette action n'existe pas.", en: "This action does not exist." },
  "items.scenario.unknown": { fr: "Ce scénario n'existe pas.", en: "This scenario does not exist." },
  "items.ally.unknown": { fr: "Cet allié n'existe pas.", en: "This ally does not exist." },
  "items.resource.unknown": { fr: "Cette ressource n'existe pas.", en: "This resource does not exist." },
  "items.action.changed": {
    fr: "Quelqu'un d'autre a modifié cette action entre-temps : voici son état actuel.",
    en: "Someone else changed this action meanwhile: here is its current state.",
  },
  "items.scenario.changed": {
    fr: "Quelqu'un d'autre a modifié ce scénario entre-temps : voici son état actuel.",
    en: "Someone else changed this scenario meanwhile: here is its current state.",
  },
  "items.ally.changed": {
    fr: "Quelqu'un d'autre a modifié cet allié entre-temps : voici son état actuel.",
    en: "Someone else changed this ally meanwhile: here is its current state.",
  },
  "items.resource.changed": {
    fr: "Quelqu'un d'autre a modifié cette ressource entre-temps : voici son état actuel.",
    en: "Someone else changed this resource meanwhile: here is its current state.",
  },

  // ----- campaign emails (mail/campaign-emails.ts)
  "mail.campaign.challenges.one": { fr: "1 défi", en: "1 challenge" },
  "mail.campaign.challenges.other": { fr: "{count} défis", en: "{count} challenges" },
  "mail.campaign.opening.subject": {
    fr: "Campagne « {name} » : {challenges} à mettre à jour avant le {date}",
    en: "Campaign “{name}”: {challenges} to update before {date}",
  },
  "mail.campaign.reminder.subject": {
    fr: "Rappel : {challenges} à mettre à jour avant le {date} (campagne « {name} »)",
    en: "Reminder: {challenges} to update before {date} (campaign “{name}”)",
  },
  "mail.campaign.missing": { fr: " (reste : {axes})", en: " (left: {axes})" },
  "mail.campaign.opening.intro.one": {
    fr: "L'équipe du programme EIG ouvre la campagne de mise à jour « {name} ». Merci de faire le point, avant le {date}, sur le défi que vous suivez :",
    en: "The EIG programme team opens the update campaign “{name}”. Please report, before {date}, on the challenge you follow:",
  },
  "mail.campaign.opening.intro.other": {
    fr: "L'équipe du programme EIG ouvre la campagne de mise à jour « {name} ». Merci de faire le point, avant le {date}, sur les {count} défis que vous suivez :",
    en: "The EIG programme team opens the update campaign “{name}”. Please report, before {date}, on the {count} challenges you follow:",
  },
  "mail.campaign.reminder.intro.one": {
    fr: "La campagne de mise à jour « {name} » se termine le {date}. Ce défi attend encore votre point :",
    en: "The update campaign “{name}” ends on {date}. This challenge still awaits your report:",
  },
  "mail.campaign.reminder.intro.other": {
    fr: "La campagne de mise à jour « {name} » se termine le {date}. Ces défis attendent encore votre point :",
    en: "The update campaign “{name}” ends on {date}. These challenges still await your report:",
  },
  "mail.campaign.how": {
    fr: "Sur chaque axe (mise en production, transmission, fiabilisation), enregistrez le nouveau niveau, ou cliquez sur « Toujours exact » si rien n'a changé.",
    en: "On each axis (production, transmission, reliability), record the new level, or click “Still accurate” if nothing has changed.",
  },
  "mail.campaign.all": { fr: "Tous vos défis à mettre à jour : {url}", en: "All your challenges to update: {url}" },
  "mail.campaign.signature": { fr: "Suivi de pérennisation des défis EIG", en: "EIG challenges sustainability tracker" },

  // ----- command line (server/src/cli)
  "cli.user.usage": {
    fr: "Usage :\n  npm run user -- create --email EMAIL --name NOM --role admin|mentor|evaluator [--password-stdin]\n  npm run user -- reset-password --email EMAIL [--password-stdin]\n  npm run user -- reset-totp --email EMAIL\n  npm run user -- unlink-proconnect --email EMAIL\n  npm run user -- set-role --email EMAIL --role admin|mentor|evaluator\n  npm run user -- deactivate --email EMAIL",
    en: "Usage:\n  npm run user -- create --email EMAIL --name NAME --role admin|mentor|evaluator [--password-stdin]\n  npm run user -- reset-password --email EMAIL [--password-stdin]\n  npm run user -- reset-totp --email EMAIL\n  npm run user -- unlink-proconnect --email EMAIL\n  npm run user -- set-role --email EMAIL --role admin|mentor|evaluator\n  npm run user -- deactivate --email EMAIL",
  },
  "cli.user.unknownRole": { fr: "Rôle inconnu : {role}.", en: "Unknown role: {role}." },
  "cli.user.missing": { fr: "(manquant)", en: "(missing)" },
  "cli.user.sessionsClosed": {
    fr: "{done} ; sessions fermées : {sessions}, connexions en cours annulées : {pending}.",
    en: "{done}; sessions closed: {sessions}, sign-ins in progress cancelled: {pending}.",
  },
  "cli.fieldError": { fr: "{path} : {message}", en: "{path}: {message}" },
  "cli.user.noAccount": { fr: "Aucun compte pour {email}.", en: "No account for {email}." },
  "cli.user.missingEmail": { fr: "(adresse manquante)", en: "(address missing)" },
  "cli.user.unlinked": {
    fr: "Identité ProConnect de {email} déliée ; ses sessions sont fermées. La prochaine connexion ProConnect avec une adresse vérifiée la reliera.",
    en: "ProConnect identity of {email} unlinked; its sessions are closed. The next ProConnect sign-in with a verified address will link it again.",
  },
  "cli.user.noLink": { fr: "Aucune identité ProConnect n'était reliée à {email}.", en: "No ProConnect identity was linked to {email}." },
  "cli.user.roleSet": { fr: "Rôle de {email} : {role}", en: "Role of {email}: {role}" },
  "cli.user.deactivated": { fr: "Compte {email} désactivé", en: "Account {email} deactivated" },
  "cli.user.totpReset": {
    fr: "Double authentification de {email} retirée ; ses sessions sont fermées. Un administrateur la réactivera à sa prochaine connexion.",
    en: "Two-factor authentication of {email} removed; its sessions are closed. An administrator will enrol it again at their next sign-in.",
  },
  "cli.user.exists": { fr: "Un compte existe déjà pour {email}.", en: "An account already exists for {email}." },
  "cli.user.created": { fr: "Compte {role} créé pour {email}.", en: "{role} account created for {email}." },
  "cli.user.passwordReset": { fr: "Mot de passe de {email} réinitialisé ; ses sessions sont fermées.", en: "Password of {email} reset; its sessions are closed." },
  "cli.user.passwordShown": { fr: "Mot de passe (affiché cette seule fois) : {password}", en: "Password (shown this one time): {password}" },
  // ----- http/idempotency.ts: a create route's request repeated with its Idempotency-Key
  "idempotency.reused.title": { fr: "Clé d'idempotence déjà utilisée", en: "Idempotency key already used" },
  "idempotency.reused": {
    fr: "Cette clé Idempotency-Key a déjà servi pour une autre requête : envoyez une nouvelle clé pour une nouvelle demande.",
    en: "This Idempotency-Key was already used for another request: send a new key for a new request.",
  },
  "idempotency.format": {
    fr: "Idempotency-Key doit faire 1 à 255 caractères ASCII visibles.",
    en: "Idempotency-Key must be 1 to 255 visible ASCII characters.",
  },
  "idempotency.inProgress": {
    fr: "Cette demande est déjà en cours de traitement : réessayez dans un instant.",
    en: "This request is already being processed: try again in a moment.",
  },
  "campaign.answeredNotDeletable": {
    fr: "Des mentors ont déjà répondu à cette campagne : elle ne peut plus être supprimée, seulement close.",
    en: "Mentors have already answered this campaign: it can no longer be deleted, only closed.",
  },
  "list.mentorFilterForbidden": {
    fr: "Seule l'équipe du programme peut filtrer les défis par mentor.",
    en: "Only the programme team can filter challenges by mentor.",
  },
  // ----- handlers/catalogue.ts: the programme team's corrections to promotions and challenges
  "catalogue.challengeTooLong": { fr: "Un défi dure 36 mois au plus.", en: "A challenge lasts 36 months at most." },
  "catalogue.promotionExists": { fr: "La promotion « {key} » existe déjà.", en: "Promotion “{key}” already exists." },
  "catalogue.promotionUnknown": { fr: "Cette promotion n'existe pas.", en: "This promotion does not exist." },
  "catalogue.challengeUnknown": { fr: "Ce défi n'existe pas.", en: "This challenge does not exist." },
} as const satisfies Catalogue;

export type ServerMessageKey = keyof typeof SERVER_MESSAGES;

/** `t(key, params?)` in the current language (the request's, or LANG's); `tl(lang, key, params?)` in a given one. */
export const { t, tl } = translator(SERVER_MESSAGES);
