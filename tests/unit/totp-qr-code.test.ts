// The enrolment's QR code encodes exactly the otpauth:// URI the server hands out, drawn as
// SVG elements rather than a data: URL image.
import qrcode from "qrcode-generator";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import TotpQrCode from "../../client/src/features/auth/components/totp-qr-code";
import { newTotpSecret, totpUri } from "../../server/src/identity/totp";

/** The dark modules of a rendered code, read back from its SVG path (`M{col} {row}h1v1h-1z` per module). */
function modulesOf(markup: string): { size: number; dark: Set<string> } {
  const viewBox = /viewBox="(-?\d+) (-?\d+) (\d+) (\d+)"/.exec(markup)!;
  const size = Number(viewBox[3]) + 2 * Number(viewBox[1]);
  const d = /<path d="([^"]*)"/.exec(markup)![1];
  const dark = new Set([...d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((match) => `${match[2]},${match[1]}`));
  return { size, dark };
}

/** What the library makes of `text` on its own, module by module. */
function reference(text: string): { size: number; dark: Set<string> } {
  const qr = qrcode(0, "M");
  qr.addData(text, "Byte");
  qr.make();
  const size = qr.getModuleCount();
  const dark = new Set<string>();
  for (let row = 0; row < size; row += 1) for (let col = 0; col < size; col += 1) if (qr.isDark(row, col)) dark.add(`${row},${col}`);
  return { size, dark };
}

describe("TOTP enrolment QR code", () => {
  const uri = totpUri(newTotpSecret(), "admin.qr@test.gouv.fr");
  const markup = renderToStaticMarkup(createElement(TotpQrCode, { uri, label: "QR code de la clé" }));

  it("is an SVG image with its accessible label, and no data: URL", () => {
    expect(uri).toMatch(/^otpauth:\/\/totp\/.+secret=[A-Z2-7]{32}/);
    expect(markup).toMatch(/^<svg[^>]* role="img"[^>]* aria-label="QR code de la clé"/);
    expect(markup).not.toContain("data:");
  });

  it("encodes exactly the URI the server returned, module for module", () => {
    const drawn = modulesOf(markup);
    const expected = reference(uri);
    expect(drawn.size).toBe(expected.size);
    expect([...drawn.dark].sort()).toEqual([...expected.dark].sort());
    // One character less is another code: the whole URI is in it.
    expect([...reference(uri.slice(0, -1)).dark].sort()).not.toEqual([...drawn.dark].sort());
  });

  it("is a well-formed QR code: a size of 17 + 4 × version modules, three finder patterns in the corners", () => {
    const { size, dark } = modulesOf(markup);
    expect((size - 17) % 4).toBe(0);
    const finderAt = (top: number, left: number) =>
      Array.from({ length: 7 }, (_, r) =>
        Array.from({ length: 7 }, (_, c) => {
          const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
          return dark.has(`${top + r},${left + c}`) === (ring !== 2);
        }).every(Boolean),
      ).every(Boolean);
    expect([finderAt(0, 0), finderAt(0, size - 7), finderAt(size - 7, 0)]).toEqual([true, true, true]);
    expect(finderAt(size - 7, size - 7)).toBe(false);
  });
});
