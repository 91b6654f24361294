import { route, json, type Route } from "./route";
import type { Deps } from "../handlers/context";
import { confirmAccountEnrolment, disableAccountTotp, getAccount, startAccountEnrolment } from "../handlers/second-factor";
import { accountEnrolmentRequestSchema, accountSchema, codeRequestSchema, recoveryCodesSchema, totpEnrolmentSchema } from "@shared/identity";

/** « Mon compte »: the signed-in account's own two-factor authentication. */
export function accountRoutes(deps: Deps): Route[] {
  return [
    route({
      method: "get",
      path: "/account",
      summary: "Mon compte : double authentification, codes de secours restants, mode de connexion.",
      access: "signedIn",
      response: json(200, accountSchema),
      handle: getAccount(deps),
    }),
    route({
      method: "post",
      path: "/account/totp",
      summary:
        "Commence l'activation de la double authentification : la clé TOTP à enregistrer. Déjà activée : la remplace, code actuel ou code de secours exigé (400 sans code ou code faux).",
      access: "signedIn",
      input: { body: accountEnrolmentRequestSchema },
      response: json(200, totpEnrolmentSchema),
      handle: startAccountEnrolment(deps),
    }),
    route({
      method: "post",
      path: "/account/totp/confirm",
      summary:
        "Active la double authentification avec un premier code ; renvoie 10 codes de secours, affichés une fois. Un remplacement ferme les autres sessions du compte.",
      access: "signedIn",
      input: { body: codeRequestSchema },
      response: json(200, recoveryCodesSchema),
      handle: confirmAccountEnrolment(deps),
    }),
    route({
      method: "post",
      path: "/account/totp/disable",
      summary: "Désactive la double authentification (code actuel ou code de secours exigé).",
      access: "signedIn",
      input: { body: codeRequestSchema },
      response: json(204),
      handle: disableAccountTotp(deps),
    }),
  ];
}
