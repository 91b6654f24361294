import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const apiTarget = process.env.API_URL ?? "http://localhost:3000";

// Text files worth compressing; fonts (woff2) and images are compressed already.
const COMPRESSIBLE = /\.(js|css|svg|json|webmanifest|txt|ico)$/;

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy next to every compressible file of the build
 * (the DSFR's copied assets included), once, at the highest levels: the server sends them to
 * browsers that accept them instead of compressing on each request (server/src/http/precompressed.ts).
 */
function precompress(): Plugin {
  let outDir = "";
  return {
    name: "precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const entry of fs.readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const data = fs.readFileSync(file);
        // Below a network packet, compression saves nothing worth a second file.
        if (data.length < 1024) continue;
        const brotli = zlib.brotliCompressSync(data, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
        });
        const gzip = zlib.gzipSync(data, { level: 9 });
        if (brotli.length < data.length * 0.9) fs.writeFileSync(`${file}.br`, brotli);
        if (gzip.length < data.length * 0.9) fs.writeFileSync(`${file}.gz`, gzip);
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react(), precompress()],
  resolve: {
    alias: [
      { find: "@shared", replacement: fileURLToPath(new URL("../shared", import.meta.url)) },
      // shared/csv.ts runs in the browser too: there, the CSV writer's build without Node's Buffer.
      { find: /^csv-stringify\/sync$/, replacement: "csv-stringify/browser/esm/sync" },
    ],
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Report sizes of every chunk: the initial JavaScript has a budget.
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // zod with the setting that turns off its eval probe (client/src/lib/zod-jitless.ts):
            // in one chunk, the setting runs before any other chunk builds a schema.
            { name: "zod", test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]lib[\\/]zod-jitless\.ts$/, priority: 20 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/api": apiTarget },
  },
});
