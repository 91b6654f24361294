import { route, file, type Route } from "./route";
import type { Deps } from "../handlers/context";
import { withKnownPromotions } from "../handlers/promotions";
import { exportChallengesCsv, exportDatasetJson, exportDatasetXlsx, exportStatusHistoryCsv } from "../handlers/exports";
import { exportReportPdf } from "../handlers/report-pdf";
import { reportPdfQuerySchema } from "@shared/report";
import { exportDataQuerySchema, exportLangQuerySchema, exportQuerySchema } from "@shared/writes";

/** Exports: evaluators and the programme team. */
export function exportRoutes(deps: Deps): Route[] {
  return [
    route({
      method: "get",
      path: "/export/challenges.csv",
      summary: "Un défi par ligne : niveaux actuels, résultat, voie, ancienneté de la dernière remontée (aucun nom de personne).",
      access: "exporter",
      input: { query: exportQuerySchema },
      response: file("text/csv"),
      handle: withKnownPromotions(deps, exportChallengesCsv(deps)),
    }),
    route({
      method: "get",
      path: "/export/status-history.csv",
      summary: "Tout l'historique des statuts, retraits compris, sans noms d'auteurs.",
      access: "exporter",
      input: { query: exportQuerySchema },
      response: file("text/csv"),
      handle: withKnownPromotions(deps, exportStatusHistoryCsv(deps)),
    }),
    route({
      method: "get",
      path: "/export/dataset.xlsx",
      summary:
        "Le jeu de données complet, une feuille par table, cellules neutralisées contre l'injection de formules. " +
        "Noms des alliés et porteurs des actions pour l'équipe du programme seulement.",
      access: "exporter",
      input: { query: exportLangQuerySchema },
      response: file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      handle: withKnownPromotions(deps, exportDatasetXlsx(deps)),
    }),
    route({
      method: "get",
      path: "/export/dataset.json",
      summary: "Le jeu de données complet en JSON. Noms des alliés et porteurs des actions pour l'équipe du programme seulement.",
      access: "exporter",
      input: { query: exportDataQuerySchema },
      response: file("application/json"),
      handle: withKnownPromotions(deps, exportDatasetJson(deps)),
    }),

    route({
      method: "get",
      path: "/export/report.pdf",
      summary:
        "Le rapport imprimable (/rapport, mêmes filtres, `orientation=portrait|landscape`, `lang=fr|en`) en PDF A4, imprimé par le Chromium " +
        "du serveur avec la session de l'appelant, sur sa propre adresse seulement. 30 s au plus ; une impression à la fois par session (429), " +
        "deux en tout (503) ; sans Chromium (CHROMIUM_PATH), 503 : imprimer alors depuis le navigateur.",
      access: "exporter",
      input: { query: reportPdfQuerySchema },
      response: file("application/pdf"),
      handle: exportReportPdf(deps),
    }),
  ];
}
