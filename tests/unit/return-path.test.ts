// The path a user is sent back to after signing in (`/connexion?retour=…`) must stay on this
// site, whatever an attacker puts in a link they send.
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "../../client/src/lib/return-path";

describe("the return path after sign-in", () => {
  it("keeps a path of this site, with its query and fragment", () => {
    expect(safeReturnPath("/defis/cartobio?onglet=historique#axes")).toBe("/defis/cartobio?onglet=historique#axes");
    expect(safeReturnPath("/")).toBe("/");
  });

  it.each([
    ["a backslash that browsers read as a slash", "/\\evil.example"],
    ["a backslash further on", "/\\/evil.example/"],
    ["a tab that browsers drop", "/\t/evil.example"],
    ["a newline that browsers drop", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a null character", "/defis\u0000"],
    ["a protocol-relative address", "//evil.example"],
    ["an absolute address", "https://evil.example/"],
    ["a javascript: address", "javascript:alert(1)"],
    ["nothing", null],
  ])("sends %s to the dashboard instead", (_what, value) => {
    expect(safeReturnPath(value)).toBe("/");
  });
});
