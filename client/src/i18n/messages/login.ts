import { bilingual } from "../bilingual";

export const login = bilingual(
  {
    title: "Connexion",
    intro: "Connectez-vous avec le compte que l'équipe du programme vous a ouvert.",
    failed: "Connexion impossible",
    badCredentials: "Adresse électronique ou mot de passe incorrect.",
    tooMany: "Trop de tentatives",
    /** A wait of `seconds`, in seconds under a minute, else in whole minutes rounded up. */
    wait: (seconds: number) =>
      seconds < 60 ? `${seconds} seconde${seconds > 1 ? "s" : ""}` : `${Math.ceil(seconds / 60)} minute${seconds > 60 ? "s" : ""}`,
    throttled: (wait: string) => `Trop de tentatives de connexion. Réessayez dans ${wait}.`,
    locked: (wait: string) =>
      `Trop d'échecs de connexion pour ce compte : elle est bloquée pendant ${wait}. Vous pouvez aussi choisir un nouveau mot de passe avec « Mot de passe oublié ? ».`,
    missingBoth: "Saisissez votre adresse électronique et votre mot de passe.",
    unexpected: "Une erreur inattendue est survenue. Réessayez.",
    email: "Adresse électronique",
    emailHint: "Format attendu : nom@domaine.fr",
    emailMissing: "Saisissez votre adresse électronique.",
    password: "Mot de passe",
    passwordMissing: "Saisissez votre mot de passe.",
    submitting: "Connexion…",
    submit: "Se connecter",
    forgotten:
      "Pas encore de compte ? L'équipe du programme EIG vous envoie une invitation par courriel.",
  },
  {
    title: "Sign in",
    intro: "Sign in with the account the programme team opened for you.",
    failed: "Cannot sign in",
    badCredentials: "Wrong email address or password.",
    tooMany: "Too many attempts",
    wait: (seconds: number) =>
      seconds < 60 ? `${seconds} second${seconds > 1 ? "s" : ""}` : `${Math.ceil(seconds / 60)} minute${seconds > 60 ? "s" : ""}`,
    throttled: (wait: string) => `Too many sign-in attempts. Try again in ${wait}.`,
    locked: (wait: string) =>
      `Too many failed sign-ins for this account: it is locked for ${wait}. You can also choose a new password with "Forgot your password?".`,
    missingBoth: "Enter your email address and your password.",
    unexpected: "An unexpected error occurred. Try again.",
    email: "Email address",
    emailHint: "Expected format: name@domain.fr",
    emailMissing: "Enter your email address.",
    password: "Password",
    passwordMissing: "Enter your password.",
    submitting: "Signing in…",
    submit: "Sign in",
    forgotten: "No account yet? The EIG programme team sends you an invitation by email.",
  },
);
