import { defineConfig } from "vitest/config";

/** The long-day soak in Chromium against the built dist-web/ (`npm run soak`, which builds first); minutes, not seconds. */
export default defineConfig({
  test: {
    include: ["test/soak/**/*.soak.test.ts"],
    environment: "node",
    testTimeout: 30 * 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
