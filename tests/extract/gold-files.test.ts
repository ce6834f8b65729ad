import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadSeeds } from "../../src/domain/seeding.ts";

// Every gold file of the extraction dev set must pass the same checks as `npm run seed`.
describe.each(["tests/fixtures/extract/tune", "tests/fixtures/extract/holdout"])("%s", (dir) => {
  it("holds only gold files that pass loadSeeds, each with its body", () => {
    const jsonFiles = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
    const loaded = existsSync(dir) ? loadSeeds(dir) : [];
    expect(loaded.length).toBe(jsonFiles.length);
    for (const { body } of loaded) expect(body.trim().length).toBeGreaterThan(0);
  });
});
