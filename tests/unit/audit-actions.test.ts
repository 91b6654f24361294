// The audit log page shows a human label, in French and in English, for every action the
// server writes. The actions are listed once (shared/audit-actions.ts; recordAudit takes no
// other); this test also reads the server's code, so that an action written another way
// (a new literal, a new sign-in constant) cannot slip past the list.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, FORMER_AUDIT_ACTIONS } from "../../shared/audit-actions";
import { SIGN_IN_AUDIT } from "../../shared/sign-in-audit";
import { admin } from "../../client/src/i18n/messages/admin";

const serverFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? serverFiles(full) : full.endsWith(".ts") ? [full] : [];
  });

/** `action: "x.y"` literals and `action: SIGN_IN_AUDIT.name` in the server's code. */
function actionsInServerCode(): string[] {
  const found = new Set<string>();
  for (const file of serverFiles(path.resolve(__dirname, "../../server/src"))) {
    const text = fs.readFileSync(file, "utf8");
    // Only where entries are written (the repository itself maps target types to tables).
    if (!text.includes("recordAudit(") || file.endsWith(path.join("repositories", "audit.ts"))) continue;
    // `action: "x.y"`, or a choice on one line: `action: cond ? SIGN_IN_AUDIT.a : "x.y"`. Actions
    // have one dot at most; message keys (`action: "items.action.changed"` in a map by item
    // kind) have more and are not actions.
    for (const match of text.matchAll(/\baction:\s*(?:[^\n,"]*\?[^\n,"]*:\s*)?"([a-z_]+(?:\.[a-z_]+)?)"/g)) found.add(match[1]!);
    for (const match of text.matchAll(/SIGN_IN_AUDIT\.(\w+)/g)) found.add(SIGN_IN_AUDIT[match[1] as keyof typeof SIGN_IN_AUDIT]);
  }
  return [...found].sort();
}

describe("audit actions", () => {
  it("every action written by the server's code is listed", () => {
    const listed = new Set<string>(AUDIT_ACTIONS);
    const code = actionsInServerCode();
    expect(code.length).toBeGreaterThan(20);
    expect(code.filter((action) => !listed.has(action))).toEqual([]);
  });

  it.each([...AUDIT_ACTIONS, ...FORMER_AUDIT_ACTIONS])("%s has a label in French and in English", (action) => {
    for (const lang of ["fr", "en"] as const) {
      const label = (admin[lang].audit.actions as Record<string, string | undefined>)[action];
      expect(label, `${lang} label of ${action}`).toBeTruthy();
      expect(label).not.toBe(action);
    }
  });
});
