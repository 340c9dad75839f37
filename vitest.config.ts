import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    // The end-to-end and soak tests run in Chromium with their own configs (npm run test:e2e, npm run soak).
    exclude: ["test/e2e/**", "test/soak/**", "node_modules/**"],
    environment: "node",
    testTimeout: 60_000,
  },
});
