// Plan items change version whenever they change, including through a foreign key action.
import { expect, it } from "vitest";
import { createTestDatabase } from "../support/test-database";
it("bumps an action's version when its scenario is deleted", () => {
  const { db, dispose } = createTestDatabase();
  const challenge = db.get<{ id: number }>("SELECT id FROM challenges LIMIT 1")!.id;
  const scenario = Number(db.run("INSERT INTO scenarios (challenge_id, title) VALUES (?, 'S')", [challenge]).lastInsertRowid);
  const action = Number(db.run("INSERT INTO actions (challenge_id, scenario_id, kind, title, author_name) VALUES (?, ?, 'communication', 'A', 'x')", [challenge, scenario]).lastInsertRowid);
  db.run("DELETE FROM scenarios WHERE id = ?", [scenario]);
  expect(db.get("SELECT scenario_id, version FROM actions WHERE id = ?", [action])).toEqual({ scenario_id: null, version: 2 });
  dispose();
});
