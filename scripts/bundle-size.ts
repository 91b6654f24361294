// Sizes of the built client (client/dist): every JS chunk raw and gzipped, and the initial
// JavaScript, i.e. what the browser must fetch before anything renders: the entry that
// index.html loads, the chunks it preloads, and everything the entry imports statically.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  chunks: ChunkSize[];
  /** Chunks of the initial JavaScript, by file name (relative to dist/). */
  initialFiles: string[];
  initial: { bytes: number; gzipBytes: number };
  css: ChunkSize[];
}

/** gzip at the level a web server typically uses (6, zlib's default). */
export const gzipSize = (data: Buffer) => zlib.gzipSync(data).length;

// `import{a as b}from"./x.js"` or `import"./x.js"`, but not `import("./x.js")` (lazy).
const STATIC_IMPORT = /\bimport\s*(?:[^"'();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

export function bundleReport(distDir: string): BundleReport {
  const assetsDir = path.join(distDir, "assets");
  const sizeOf = (file: string): ChunkSize => {
    const data = fs.readFileSync(path.join(distDir, file));
    return { file, bytes: data.length, gzipBytes: gzipSize(data) };
  };
  const chunks = fs
    .readdirSync(assetsDir)
    .filter((name) => name.endsWith(".js"))
    .map((name) => sizeOf(`assets/${name}`))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const css = fs
    .readdirSync(assetsDir)
    .filter((name) => name.endsWith(".css"))
    .map((name) => sizeOf(`assets/${name}`));

  const html = fs.readFileSync(path.join(distDir, "index.html"), "utf8");
  const referenced = [
    ...html.matchAll(/<script[^>]*\btype="module"[^>]*\bsrc="\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="\/([^"]+\.js)"/g),
  ].map((match) => match[1]);

  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    const code = fs.readFileSync(path.join(distDir, file), "utf8");
    for (const match of code.matchAll(STATIC_IMPORT)) {
      visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1])));
    }
  };
  referenced.forEach(visit);

  const initialChunks = chunks.filter((chunk) => initial.has(chunk.file));
  return {
    chunks,
    initialFiles: [...initial],
    initial: {
      bytes: initialChunks.reduce((sum, chunk) => sum + chunk.bytes, 0),
      gzipBytes: initialChunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    },
    css,
  };
}
