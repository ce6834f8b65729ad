// The benchmark's smoke (npm run bench -- --smoke), in-process: 50 generated documents in a
// database of its own on TEST_DATABASE_URL's server, served by newsgraph, PostGraphile and the
// raw-SQL floor; every workload's answers must agree and the writes must store the annotation.
// Nothing is timed here: the benchmark is not a test.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runBench, smokeOptions } from "../bench/harness.ts";
import { testServerUrl } from "./support/postgres.ts";

const server = testServerUrl();
if (process.env.CI && server === undefined) {
  throw new Error("CI runs the benchmark smoke on PostgreSQL: set TEST_DATABASE_URL (see .ci/run)");
}

// It needs a PostgreSQL server, and runs once (in the pglite project, which every run has).
const enabled = server !== undefined && process.env.NEWSGRAPH_TEST_DB !== "postgres";

describe.skipIf(!enabled)("benchmark smoke (needs TEST_DATABASE_URL)", () => {
  it("newsgraph, PostGraphile and the floor agree on every workload", {
    timeout: 120_000,
  }, async () => {
    const url = new URL(server as string);
    url.pathname = `/newsgraph_bench_smoke_${process.pid}_${randomBytes(3).toString("hex")}`;
    const lines: string[] = [];
    const result = await runBench(smokeOptions(url.toString(), (line) => lines.push(line)));
    expect(result.equality.map((e) => [e.workload, e.ok])).toEqual([
      ["W1", true],
      ["W2", true],
      ["W3", true],
      ["W4", true],
      ["W5", true],
      ["W6", true],
    ]);
    // Every system answered every sample with data (rows returned) and counted its SQL.
    for (const sample of result.samples) {
      expect(sample.statements, `${sample.system} ${sample.workload}`).toBeGreaterThan(0);
    }
  });
});
