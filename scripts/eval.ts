// Scores the extraction pipeline against the hand annotations: the seed article and the dev set
// (tests/fixtures/extract/tune and holdout). Prints a table and writes
// bench/results/extract-<date>.md. Metric definitions: src/extract/evaluate/score.ts.
// `--set tune` (repeatable) scores only the named sets and writes no file, so that work in progress
// can be measured without looking at the holdout set.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { evaluateFolder, renderTable } from "../src/extract/evaluate/report.ts";

const folders: [string, string][] = [
  ["seed", "seeds"],
  ["tune", "tests/fixtures/extract/tune"],
  ["holdout", "tests/fixtures/extract/holdout"],
];
const chosen = process.argv.flatMap((arg, i) => (process.argv[i - 1] === "--set" ? [arg] : []));
const unknown = chosen.filter((set) => !folders.some(([name]) => name === set));
if (unknown.length > 0) {
  console.error(`--set: unknown set ${unknown.join(", ")} (known: seed, tune, holdout)`);
  process.exit(1);
}
const sets = folders
  .filter(([set, dir]) => existsSync(dir) && (chosen.length === 0 || chosen.includes(set)))
  .map(([set, dir]) => evaluateFolder(set, dir));
const table = renderTable(sets);
console.log(table);
if (chosen.length > 0) process.exit(0);

const day = new Date().toISOString().slice(0, 10);
const file = `bench/results/extract-${day}.md`;
mkdirSync("bench/results", { recursive: true });
writeFileSync(
  file,
  `# Extraction scores, ${day}\n\nP / R / F1 per article and micro-averaged per set. ` +
    "Definitions in `src/extract/evaluate/score.ts`: actors by canonical name (or gold alias) + kind; " +
    "resolution as pairwise mention-clustering F1 over the gold mentions; claims by claimant after resolution + span overlap " +
    "of at least half the shorter span; events by date overlap + a shared participant.\n\n" +
    `${table}\n`,
);
console.log(`\nwritten to ${file}`);
