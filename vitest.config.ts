import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@shared": fileURLToPath(new URL("./shared", import.meta.url)) } },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A real browser on a loaded 2-core machine may take seconds to draw what a poll waits
    // for (the dashboard draws its charts one by one); a poll still fails if it never comes.
    expect: { poll: { timeout: 10_000 } },
  },
});
