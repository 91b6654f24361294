import { describe, expect, it } from "vitest";
import { exportFileName, fileSlug } from "@shared/export-names";
import { promotionKeys } from "@shared/stats";

const day = "2026-12-06";

describe("export file names", () => {
  it("carry the chart, the promotions, the data view and the day", () => {
    expect(exportFileName({ subject: "Trajectoires", promotions: ["EIG 1", "EIG 2", "EIG 3"], data: "validated", date: day, extension: "png" })).toBe(
      "eig-trajectoires_eig1-eig2-eig3_validees_2026-12-06.png",
    );
  });

  it("say when every promotion and all data are counted, in the file's language", () => {
    expect(exportFileName({ subject: "Résultats par promotion", date: day, extension: "csv" })).toBe(
      "eig-resultats-par-promotion_toutes-promotions_toutes-donnees_2026-12-06.csv",
    );
    expect(exportFileName({ subject: "Outcomes by promotion", date: day, lang: "en", data: "declared", extension: "csv" })).toBe(
      "eig-outcomes-by-promotion_all-promotions_declared_2026-12-06.csv",
    );
  });

  it("as of a snapshot, name it and its day instead of today", () => {
    const snapshot = { id: 3, takenAt: "2026-11-28T23:30:00.000Z" }; // 29 November in Paris
    expect(exportFileName({ subject: "défis", promotions: ["DIG"], snapshot, date: day, extension: "xlsx" })).toBe(
      "eig-defis_dig_toutes-donnees_instantane-3-2026-11-29.xlsx",
    );
    expect(exportFileName({ subject: "challenges", snapshot, lang: "en", extension: "xlsx" })).toBe("eig-challenges_all-promotions_all-data_snapshot-3-2026-11-29.xlsx");
  });

  it("keep the other filters and a variant, ASCII, lowercase, without spaces", () => {
    const name = exportFileName({
      subject: "Défis",
      promotions: ["EIG 2"],
      filters: ["Ministère de l'Intérieur — Direction générale des étrangers en France (DGEF) et bien d'autres", undefined, "Design"],
      variant: "point-virgule",
      date: day,
      extension: "CSV",
    });
    expect(name).toBe("eig-defis_eig2_ministere-de-l-interieur-direction_design_toutes-donnees_point-virgule_2026-12-06.csv");
    expect(name).toMatch(/^[a-z0-9._-]+$/);
  });

  it("differ whenever what the file holds differs", () => {
    const base = { subject: "Trajectoires", date: day, extension: "png" } as const;
    const names = [
      exportFileName(base),
      exportFileName({ ...base, subject: "Niveaux — Transmission" }),
      exportFileName({ ...base, promotions: ["EIG 1"] }),
      exportFileName({ ...base, data: "validated" }),
      exportFileName({ ...base, filters: ["Design"] }),
      exportFileName({ ...base, date: "2026-12-07" }),
      exportFileName({ ...base, snapshot: { id: 1, takenAt: "2026-12-06T10:00:00Z" } }),
      exportFileName({ ...base, extension: "svg" }),
      exportFileName({ ...base, variant: "semicolon" }),
    ];
    expect(new Set(names).size).toBe(names.length);
  });

  it("slugs and promotion lists", () => {
    expect(fileSlug("  Résultats à +6 mois ")).toBe("resultats-a-6-mois");
    expect(promotionKeys("1,2,1,3")).toEqual(["1", "2", "3"]);
    expect(promotionKeys(undefined)).toBeNull();
  });
});
