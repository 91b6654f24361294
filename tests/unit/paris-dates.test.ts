import { afterEach, describe, expect, it } from "vitest";
import { frenchFirstOfMonth, parisMidnight } from "@shared/dates";
import { listAudit } from "../../server/src/repositories/audit";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
afterEach(() => database?.dispose());

describe("Paris days", () => {
  it("begin at 23:00 UTC the day before in winter and 22:00 UTC in summer", () => {
    expect(parisMidnight("2026-01-15")).toBe("2026-01-14T23:00:00.000Z");
    expect(parisMidnight("2026-07-15")).toBe("2026-07-14T22:00:00.000Z");
    // The days the clocks change: midnight is still before the change.
    expect(parisMidnight("2026-03-29")).toBe("2026-03-28T23:00:00.000Z");
    expect(parisMidnight("2026-10-25")).toBe("2026-10-24T22:00:00.000Z");
  });
});

describe("audit log date filter", () => {
  it("keeps the entries of the Paris calendar days asked for, including those just after midnight in Paris", () => {
    database = createTestDatabase({ seed: false });
    const at = ["2026-11-28T22:59:59.999Z", "2026-11-28T23:00:00.000Z", "2026-11-29T22:59:59.999Z", "2026-11-29T23:00:00.000Z"];
    for (const [index, instant] of at.entries()) {
      database.db.run("INSERT INTO audit_log (at, action, target_id) VALUES (?, 'test.entry', ?)", [instant, String(index)]);
    }
    const page = listAudit(database.db, { from: "2026-11-29", to: "2026-11-29", page: 1, pageSize: 50 });
    // 28/11 at 23:59:59 in Paris is out; 29/11 00:00 and 23:59:59 are in; 30/11 00:00 is out.
    expect(page.items.map((item) => item.targetId).sort()).toEqual(["1", "2"]);
    expect(page.total).toBe(2);
  });
});

describe("French dates", () => {
  it("write the first of the month « 1er », and leave other days alone", () => {
    expect(frenchFirstOfMonth("1 décembre 2026")).toBe("1er décembre 2026");
    expect(frenchFirstOfMonth("1 décembre 2026 à 09:00")).toBe("1er décembre 2026 à 09:00");
    expect(frenchFirstOfMonth("11 décembre 2026")).toBe("11 décembre 2026");
    expect(frenchFirstOfMonth("21 décembre 2026")).toBe("21 décembre 2026");
  });
});
