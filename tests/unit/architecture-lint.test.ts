// The architecture's boundaries are ESLint errors (eslint.config.js), and `npm test` runs the
// linter. This test proves each boundary still reports an error: it lints small probe snippets
// placed, by their file path, inside each zone, and checks that an allowed import next to it
// reports nothing, so that a config that lost its zones (or an empty one) fails here.
// Probes import real modules, picked from each folder at run time (the rule only judges imports
// that resolve), so that renaming a file does not break the test.
import fs from "node:fs";
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: root });

/** Path, from the repository root, of one TypeScript module under `dir` (searched recursively). */
function someModule(dir: string): string {
  const files = (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[])
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts"))
    .sort();
  if (files.length === 0) throw new Error(`No module under ${dir}`);
  return path.join(dir, files[0]!);
}

/** An import specifier that reaches `target` from the file `from` (both from the repository root). */
function specifier(from: string, target: string): string {
  const relative = path.relative(path.dirname(from), target).replace(/\.tsx?$/, "");
  return relative.startsWith(".") ? relative : `./${relative}`;
}

/** A module that imports `target` and uses it. */
const importing = (from: string, target: string) => `import * as probe from "${specifier(from, target)}";\nexport { probe };\n`;

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages;
}

/** The errors of the given rule that linting `code` as the file `filePath` reports. */
async function errorsOf(rule: string, filePath: string, code: string): Promise<string[]> {
  const messages = await lint(filePath, code);
  return messages.filter((message) => message.severity === 2 && message.ruleId === rule).map((message) => message.message);
}

const features = fs
  .readdirSync(path.join(root, "client/src/features"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("import boundaries", () => {
  const rule = "import-x/no-restricted-paths";
  // [what, probe file, a module it must not import, a module it may import]
  const cases: [string, string, string, string][] = [
    ["shared/ importing the server", "shared/lint-probe.ts", someModule("server/src/domain"), "shared/domain.ts"],
    ["shared/ importing the client", "shared/lint-probe.ts", someModule("client/src/lib"), "shared/domain.ts"],
    ["the client importing the server", "client/src/lib/lint-probe.ts", someModule("server/src/domain"), "shared/domain.ts"],
    ["the server importing the client", "server/src/domain/lint-probe.ts", someModule("client/src/lib"), "shared/domain.ts"],
    [
      `feature ${features[0]} importing feature ${features[1]}`,
      `client/src/features/${features[0]}/lint-probe.ts`,
      someModule(`client/src/features/${features[1]}`),
      someModule("client/src/components"),
    ],
    [
      "a component importing a feature",
      "client/src/components/lint-probe.tsx",
      someModule(`client/src/features/${features[0]}`),
      someModule("client/src/lib"),
    ],
    [
      "the shared query hooks importing a feature",
      "client/src/api/lint-probe.ts",
      someModule(`client/src/features/${features[0]}`),
      someModule("client/src/lib"),
    ],
    ["lib/ importing the app shell", "client/src/lib/lint-probe.ts", someModule("client/src/app"), someModule("client/src/lib")],
    ["a repository importing a handler", "server/src/repositories/lint-probe.ts", someModule("server/src/handlers"), someModule("server/src/db")],
    ["db/ importing a repository", "server/src/db/lint-probe.ts", someModule("server/src/repositories"), someModule("server/src/db")],
    ["a use case importing a handler", "server/src/domain/lint-probe.ts", someModule("server/src/handlers"), someModule("server/src/repositories")],
    [
      "a handler importing the routes",
      "server/src/handlers/lint-probe.ts",
      fs.existsSync(path.join(root, "server/src/routes.ts")) ? "server/src/routes.ts" : someModule("server/src/routes"),
      someModule("server/src/repositories"),
    ],
  ];

  it.each(cases)("refuses %s, and allows the layer below", async (_what, probe, forbidden, allowed) => {
    expect(await errorsOf(rule, probe, importing(probe, forbidden))).toHaveLength(1);
    expect(await lint(probe, importing(probe, allowed))).toEqual([]);
  });

  it("resolves the @shared alias, so a boundary cannot be crossed through it unseen", async () => {
    // The alias resolves: an unresolved import would be reported, and the zone would not apply.
    expect(await lint("client/src/lib/lint-probe.ts", `import * as probe from "@shared/domain";\nexport { probe };\n`)).toEqual([]);
  });
});

describe("components/ and lib/ never fetch", () => {
  const call = `export const probe = () => fetch("/api/meta");\n`;

  it.each(["client/src/components/lint-probe.tsx", "client/src/lib/lint-probe.ts"])("refuses fetch in %s", async (probe) => {
    expect(await errorsOf("no-restricted-globals", probe, call)).toHaveLength(1);
    expect(await errorsOf("no-restricted-properties", probe, `export const probe = () => window.fetch("/api/meta");\n`)).toHaveLength(1);
  });

  it("lets client/src/api fetch: the HTTP client lives there", async () => {
    expect(await lint("client/src/api/lint-probe.ts", call)).toEqual([]);
  });
});

describe("import cycles", () => {
  // Cycles are found by reading the files an import leads to, so these probes are real files.
  const dir = `server/src/lint-cycle-probe-${process.pid}`;
  const probes: Record<string, string> = {
    "first.ts": `import { second } from "./second";\nexport const first = () => second();\n`,
    "second.ts": `import { first } from "./first";\nexport const second = () => first;\n`,
    "alone.ts": `import { leaf } from "./leaf";\nexport const alone = () => leaf();\n`,
    "leaf.ts": `export const leaf = () => 1;\n`,
  };

  beforeAll(() => {
    fs.mkdirSync(path.join(root, dir), { recursive: true });
    for (const [name, code] of Object.entries(probes)) fs.writeFileSync(path.join(root, dir, name), code);
  });
  afterAll(() => fs.rmSync(path.join(root, dir), { recursive: true, force: true }));

  it("refuses two modules that import each other", async () => {
    expect(await errorsOf("import-x/no-cycle", `${dir}/first.ts`, probes["first.ts"]!)).toHaveLength(1);
  });

  it("allows an import that leads nowhere back", async () => {
    expect(await lint(`${dir}/alone.ts`, probes["alone.ts"]!)).toEqual([]);
  });
});
