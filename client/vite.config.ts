import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

const apiTarget = process.env.API_URL ?? "http://localhost:3000";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
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
  },
  server: {
    proxy: { "/api": apiTarget },
  },
});
