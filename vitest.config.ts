import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Starting PGlite and the wasm schema engine takes seconds, not milliseconds.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
