import { bilingual } from "../bilingual";

export const apiDoc = bilingual(
  {
    title: "Documentation de l'API",
    sourceLanguage: "",
    download: "Télécharger la description OpenAPI 3.1 (JSON)",
    caption: "Routes de l'API",
    route: "Méthode et adresse",
    role: "Rôle",
    access: "Accès",
    body: "Corps attendu (JSON Schema)",
  },
  {
    title: "API documentation",
    sourceLanguage: "The descriptions below come from the server's route table and are written in French.",
    download: "Download the OpenAPI 3.1 description (JSON)",
    caption: "API routes",
    route: "Method and path",
    role: "Purpose",
    access: "Access",
    body: "Expected body (JSON Schema)",
  },
);
