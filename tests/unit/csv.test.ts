import { describe, expect, it } from "vitest";
import { neutraliseFormula, toCsv } from "@shared/csv";

describe("CSV writer", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+33 1 23", "'+33 1 23"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["Archifiltre", "Archifiltre"],
    ["a=b", "a=b"],
  ])("neutralises %j as %j", (value, expected) => {
    expect(neutraliseFormula(value)).toBe(expected);
  });

  it("writes nothing for null, and quotes what needs it (yes/no words are the export's, in its language)", () => {
    const csv = toCsv(
      [{ a: "oui", b: null, c: 'Il a dit "oui", puis non' }],
      [
        { header: "a", value: (r) => r.a },
        { header: "b", value: (r) => r.b },
        { header: "c", value: (r) => r.c },
      ],
      ";",
    );
    expect(csv).toBe('\uFEFFa;b;c\r\noui;;"Il a dit ""oui"", puis non"\r\n');
  });
});
