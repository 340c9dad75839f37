import { defineConfig } from "vitest/config";

/** Browser end-to-end tests against the built dist-web/ (run `npm run test:e2e`, which builds first). */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
