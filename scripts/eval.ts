// Scores the extraction pipeline against the hand annotations: the seed article and the dev set
// (tests/fixtures/extract/tune and holdout). Prints a table and writes
// bench/results/extract-<date>.md. Metric definitions: src/extract/evaluate/score.ts.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { evaluateFolder, renderTable } from "../src/extract/evaluate/report.ts";

const folders: [string, string][] = [
  ["seed", "seeds"],
  ["tune", "tests/fixtures/extract/tune"],
  ["holdout", "tests/fixtures/extract/holdout"],
];
const sets = folders
  .filter(([, dir]) => existsSync(dir))
  .map(([set, dir]) => evaluateFolder(set, dir));
const table = renderTable(sets);
console.log(table);

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
