import { bilingual } from "../bilingual";

export const charts = bilingual(
  {
    exportFailed: "L'export n'a pas abouti. Réessayez ; le tableau des données reste disponible ci-dessous.",
    legendOf: (title: string) => `Légende : ${title}`,
    exportOf: (title: string) => `Exporter « ${title} »`,
    dataTableOf: (title: string) => `Tableau des données : ${title}`,
    forChart: (title: string) => ` : ${title}`,
    captionColumn: "Légende du graphique",
  },
  {
    exportFailed: "The export did not succeed. Try again; the data table stays available below.",
    legendOf: (title: string) => `Legend: ${title}`,
    exportOf: (title: string) => `Export “${title}”`,
    dataTableOf: (title: string) => `Data table: ${title}`,
    forChart: (title: string) => `: ${title}`,
    captionColumn: "Chart caption",
  },
);
