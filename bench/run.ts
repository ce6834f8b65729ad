// npm run bench [-- --docs N --seconds S --rounds R --connections 10,50 --growth 1000,10000,100000|none
//                   --pglite-docs N|0 --no-rows-read --keep --smoke --extraction-only]
// Builds the corpus in BENCH_DATABASE_URL's database, serves it three ways, checks the answers
// agree, measures, and writes bench/results/<date>.md (not with --smoke). It also times the
// extraction pipeline on a 5,000-word article (bench/extract.ts; alone with --extraction-only).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchExtract, type ExtractBenchResult } from "./extract.ts";
import { type BenchOptions, ROOT, runBench, smokeOptions } from "./harness.ts";
import { renderReport } from "./report.ts";

const { values } = parseArgs({
  options: {
    docs: { type: "string", default: "10000" },
    seconds: { type: "string", default: "30" },
    rounds: { type: "string", default: "2" },
    connections: { type: "string", default: "10,50" },
    growth: { type: "string", default: "1000,10000,100000" },
    "pglite-docs": { type: "string", default: "2000" },
    "no-rows-read": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    smoke: { type: "boolean", default: false },
    "extraction-only": { type: "boolean", default: false },
    out: { type: "string" },
  },
});

const list = (text: string) =>
  text === "none" || text === "" ? [] : text.split(",").map((n) => Number(n.trim()));

function extractionSection(extraction: ExtractBenchResult): string {
  return ["", "## Extraction speed", "", ...extraction.lines.map((l) => `    ${l}`), ""].join("\n");
}

const extraction = values.smoke ? null : await benchExtract(ROOT);
if (extraction) for (const line of extraction.lines) console.log(line);
if (values["extraction-only"]) process.exit(0);

const databaseUrl =
  process.env.BENCH_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/newsgraph_bench";
const options: BenchOptions = values.smoke
  ? smokeOptions(databaseUrl, console.log)
  : {
      databaseUrl,
      docs: Number(values.docs),
      seconds: Number(values.seconds),
      rounds: Number(values.rounds),
      connections: list(values.connections),
      growth: list(values.growth),
      pgliteDocs: Math.min(Number(values["pglite-docs"]), Number(values.docs)),
      rowsRead: !values["no-rows-read"],
      keep: values.keep,
      smoke: false,
      log: console.log,
    };
const result = await runBench(options);
if (!values.smoke) {
  const file =
    values.out ?? join(ROOT, "bench", "results", `${new Date().toISOString().slice(0, 10)}.md`);
  mkdirSync(join(file, ".."), { recursive: true });
  const report = renderReport(result, `npm run bench -- ${process.argv.slice(2).join(" ")}`);
  writeFileSync(file, report + (extraction ? extractionSection(extraction) : ""));
  console.log(`report: ${file}`);
}
const invalid = result.measurements.filter((m) => !m.valid).length;
if (invalid > 0) console.log(`${invalid} timed run(s) INVALID (see the report)`);
