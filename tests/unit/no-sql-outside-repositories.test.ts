// SQL lives in server/src/repositories (and the database plumbing of server/src/db): routes,
// handlers, use cases, the mail and identity code, the command-line tools, shared/ and the
// client name what they need through repository functions, and never hold the driver. This
// scan reads every other source file with the TypeScript parser, so that SQL in comments or
// prose does not count and SQL split across a template or a concatenation still does.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../server/src/config";

const SCANNED_ROOTS = ["server/src", "shared", "client/src"];
/** Where SQL belongs. */
const SQL_HOMES = ["server/src/repositories", "server/src/db"];

/**
 * Upper-case keywords, as every query of this code base writes them: prose in a message
 * ("Select a challenge from the list") stays out, SQL written elsewhere does not.
 */
const SQL_PATTERNS: readonly RegExp[] = [
  /\bSELECT\b[\s\S]*\bFROM\b/,
  /^\s*SELECT\s/,
  /\b(?:INSERT|REPLACE)\s+(?:OR\s+[A-Z]+\s+)?INTO\b/,
  /\bUPDATE\s+[\w".]+\s+SET\b/,
  /\bDELETE\s+FROM\b/,
  /\b(?:CREATE|DROP|ALTER)\s+(?:TEMP(?:ORARY)?\s+|UNIQUE\s+|VIRTUAL\s+)?(?:TABLE|INDEX|VIEW|TRIGGER)\b/,
  /\bPRAGMA\s+\w/,
  /^\s*WITH\s+(?:RECURSIVE\s+)?\w+\s+AS\s*\(/,
  // Whole statements only: "ANALYZE et fermeture" in a progress message is prose.
  /^\s*(?:ANALYZE|VACUUM|BEGIN|COMMIT|ROLLBACK)(?:\s+\w+)?\s*;?\s*$/,
];

const looksLikeSql = (text: string) => SQL_PATTERNS.some((pattern) => pattern.test(text));

/** A template's text with each `${…}` as a name, so that `UPDATE ${table} SET` still reads as SQL. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => `x${span.literal.text}`).join("");
  return undefined;
}

/** The text of a `+` chain of literals (other operands read as a name), or undefined when no part is a literal. */
function concatenationText(node: ts.BinaryExpression): string | undefined {
  const parts: (string | undefined)[] = [];
  const walk = (part: ts.Expression) => {
    const inner = ts.isParenthesizedExpression(part) ? part.expression : part;
    if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      walk(inner.left);
      walk(inner.right);
    } else parts.push(literalText(inner));
  };
  walk(node);
  return parts.some((part) => part !== undefined) ? parts.map((part) => part ?? "x").join("") : undefined;
}

const isConcatenation = (node: ts.Node): node is ts.BinaryExpression =>
  ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken;

/** Lines (1-based) of a source text that hold SQL or reach for the driver, with what was found. */
function findSql(fileName: string, text: string): { line: number; found: string }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const findings = new Map<number, string>();
  const report = (node: ts.Node, found: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    if (!findings.has(line)) findings.set(line, found);
  };
  const visit = (node: ts.Node) => {
    const literal = literalText(node);
    if (literal !== undefined) {
      // Whatever the form: import, export … from, import(), require(), import("…") in a type.
      if (/^better-sqlite3(?:\/|$)/.test(literal)) report(node, "better-sqlite3");
      else if (looksLikeSql(literal)) report(node, `SQL: ${literal.trim().slice(0, 60)}`);
    } else if (isConcatenation(node) && !isConcatenation(node.parent)) {
      const joined = concatenationText(node);
      if (joined !== undefined && looksLikeSql(joined)) report(node, `SQL: ${joined.trim().slice(0, 60)}`);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "pragma") {
      report(node, "PRAGMA through the driver");
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...findings].map(([line, found]) => ({ line, found })).sort((a, b) => a.line - b.line);
}

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "dist" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const relative = (file: string) => path.relative(projectRoot, file).split(path.sep).join("/");
const scannedFiles = SCANNED_ROOTS.flatMap((root) => sourceFiles(path.join(projectRoot, root))).filter(
  (file) => !SQL_HOMES.some((home) => relative(file).startsWith(`${home}/`)),
);

describe("SQL stays in repositories", () => {
  it("no file outside server/src/repositories and server/src/db holds SQL or imports better-sqlite3", () => {
    const offending = scannedFiles.flatMap((file) =>
      findSql(file, fs.readFileSync(file, "utf8")).map(({ line, found }) => `${relative(file)}:${line} ${found}`),
    );
    expect(offending).toEqual([]);
  });

  it("scans the server, shared and client sources, and leaves out only where SQL belongs", () => {
    const scanned = new Set(scannedFiles.map(relative));
    for (const file of ["server/src/main.ts", "server/src/http/access.ts", "shared/domain.ts", "client/src/main.tsx"]) {
      expect(scanned, file).toContain(file);
    }
    expect([...scanned].filter((file) => file.startsWith("server/src/repositories/") || file.startsWith("server/src/db/"))).toEqual([]);
    // The same reading finds the queries where they belong: the scan cannot be passing on an empty net.
    const repositories = sourceFiles(path.join(projectRoot, "server/src/repositories"));
    expect(repositories.filter((file) => findSql(file, fs.readFileSync(file, "utf8")).length > 0).length).toBeGreaterThan(repositories.length / 2);
  });

  it("catches SQL in any string form and any way to reach the driver, not prose nor comments", () => {
    const planted = [
      'import Database from "better-sqlite3";', // 1
      'import type { Statement } from "better-sqlite3";', // 2
      'const driver = require("better-sqlite3");', // 3
      'type Handle = import("better-sqlite3").Database;', // 4
      'const one = db.get("SELECT id, slug FROM challenges WHERE slug = ?", [slug]);', // 5
      "const two = `SELECT ${columns}", // 6
      "  FROM ${table} WHERE id = ?`;", // 7
      'db.run("UPDATE users SET name = ? WHERE id = ?", [name, id]);', // 8
      "db.run(`UPDATE ${table} SET version = version + 1`);", // 9
      'const three = "DELETE " + "FROM sessions WHERE expires_at < ?";', // 10
      'db.exec("CREATE TABLE scratch (x INTEGER)");', // 11
      'db.run("INSERT OR IGNORE INTO campaign_challenges (campaign_id, challenge_id) VALUES (?, ?)");', // 12
      'connection.pragma("secure_delete = ON");', // 13
      'db.exec("ANALYZE");', // 14
      'const four = "PRAGMA user_version";', // 15
      "// SELECT id FROM challenges: a comment explaining a query is not one", // 16
      "/* DELETE FROM sessions, INSERT INTO audit */", // 17
      'const prose = "Select a challenge from the list, then update the settings.";', // 18
      'const progress = `ANALYZE et fermeture ${seconds}`;', // 19
      'const french = "Sélectionnez un défi : la mise à jour part du tableau.";', // 20
      'const pattern = /^SELECT/.exec(text);', // 21
    ].join("\n");
    expect(findSql("planted.ts", planted).map(({ line }) => line)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(findSql("planted.ts", planted)[0].found).toBe("better-sqlite3");
  });
});
