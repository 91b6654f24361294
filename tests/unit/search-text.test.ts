import { describe, expect, it } from "vitest";
import { containsPattern, toSearchText } from "../../server/src/lib/search-text";

describe("search text", () => {
  it("ignores case and accents, as a French reader types", () => {
    expect(toSearchText("Sécurité Routière")).toBe("securite routiere");
    expect(toSearchText("ÉCOLE — Œuvre")).toBe("ecole — œuvre");
  });

  it("takes LIKE wildcards literally", () => {
    expect(containsPattern("100%_sûr\\")).toBe("%100\\%\\_sur\\\\%");
  });
});
