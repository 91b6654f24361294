import type { RequestHandler } from "express";
import fs from "node:fs";
import path from "node:path";

const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

type Encoding = (typeof ENCODINGS)[number];

/**
 * The smallest of `available` (listed smallest first) that the Accept-Encoding header allows,
 * at the highest quality it gives. Browsers list gzip before br with equal weights: the
 * order of the header is not a preference, so ties go to the smaller file.
 */
function preferred(header: string | undefined, available: readonly Encoding[]): Encoding | undefined {
  const weights = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get("*") ?? 0;
  let best: Encoding | undefined;
  for (const encoding of available) {
    if (weightOf(encoding.name) > 0 && (!best || weightOf(encoding.name) > weightOf(best.name))) best = encoding;
  }
  return best;
}

export interface PrecompressedOptions {
  /** Cache-Control max-age, in milliseconds, as express.static takes it. */
  maxAge: number;
  immutable?: boolean;
}

/**
 * Serves the Brotli or gzip copy that the client build writes next to a static file
 * (client/vite.config.ts), when the browser accepts it; otherwise hands over to express.static.
 * Compressing once at build time costs no CPU per request and needs no extra dependency.
 * Answers vary on Accept-Encoding so that a shared cache never gives Brotli to a browser
 * that did not ask for it.
 */
export function precompressed(root: string, options: PrecompressedOptions): RequestHandler {
  const exists = new Map<string, boolean>();
  // The build does not change under a running server: each file is looked up once.
  const isFile = (file: string) => {
    let known = exists.get(file);
    if (known === undefined) {
      known = fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
      exists.set(file, known);
    }
    return known;
  };
  const rootDir = path.resolve(root);
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const original = path.join(rootDir, relative);
    // Outside the folder, or a folder, or not built with copies: express.static decides.
    if (!original.startsWith(rootDir + path.sep) || !isFile(original)) return next();
    const compressible = ENCODINGS.filter((encoding) => isFile(original + encoding.suffix));
    if (compressible.length === 0) return next();
    res.vary("Accept-Encoding");
    const encoding = preferred(req.headers["accept-encoding"], compressible);
    if (!encoding) return next();
    res.setHeader("Content-Encoding", encoding.name);
    // The type of the file itself, not of its compressed copy.
    res.type(path.extname(original));
    res.sendFile(relative + encoding.suffix, {
      root: rootDir,
      maxAge: options.maxAge,
      immutable: options.immutable ?? false,
      // A byte range of the compressed copy is not a range of the file: whole answers only.
      acceptRanges: false,
      dotfiles: "deny",
    }, (error) => {
      // Not sent (the copy vanished): the plain file, through express.static.
      if (error && !res.headersSent) {
        res.removeHeader("Content-Encoding");
        next();
      }
    });
  };
}
