// Runs the pipeline over folders of gold files and renders the scores as a Markdown table.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { checkAnnotation } from "../../domain/annotation-checks.ts";
import { type SeedFile, seedFileSchema } from "../../domain/annotation-format.ts";
import { seedFiles } from "../../domain/seeding.ts";
import { type ExtractOptions, extractAnnotation } from "../index.ts";
import {
  type ArticleScore,
  addCounts,
  type Counts,
  emptyCounts,
  prf,
  scoreArticle,
} from "./score.ts";

export interface SetScore {
  set: string;
  articles: { file: string; score: ArticleScore }[];
  overall: ArticleScore;
  /** Gold files that do not pass the seed checks (still being written): left out, named. */
  invalid: { file: string; problem: string }[];
}

/** One gold file with the checks of loadSeeds, so one unfinished file does not stop the rest. */
function loadGold(dir: string, file: string): { seed: SeedFile; body: string } | string {
  try {
    const parsed = seedFileSchema.safeParse(JSON.parse(readFileSync(join(dir, file), "utf8")));
    if (!parsed.success) return parsed.error.issues[0]?.message ?? "invalid";
    const body = readFileSync(join(dir, parsed.data.document.bodyFile), "utf8");
    const issue = checkAnnotation(body, parsed.data)[0];
    if (issue) return `${issue.path.join(".")}: ${issue.message}`;
    return { seed: parsed.data, body };
  } catch (error) {
    return (error as Error).message;
  }
}

const METRICS = ["actors", "resolution", "claims", "events"] as const;

export function evaluateFolder(set: string, dir: string, options: ExtractOptions = {}): SetScore {
  const articles: SetScore["articles"] = [];
  const invalid: SetScore["invalid"] = [];
  for (const file of seedFiles(dir)) {
    const gold = loadGold(dir, file);
    if (typeof gold === "string") {
      invalid.push({ file, problem: gold });
      continue;
    }
    const { seed, body } = gold;
    const { annotation } = extractAnnotation(body, {
      ...options,
      publishedAt: seed.document.publishedAt,
    });
    articles.push({ file: basename(file, ".json"), score: scoreArticle(seed, annotation) });
  }
  const overall = Object.fromEntries(
    METRICS.map((m) => [
      m,
      articles.reduce<Counts>((sum, a) => addCounts(sum, a.score[m]), emptyCounts()),
    ]),
  ) as unknown as ArticleScore;
  return { set, articles, overall, invalid };
}

const f = (n: number) => n.toFixed(2);
const cell = (c: Counts) => {
  const { precision, recall, f1 } = prf(c);
  return `${f(precision)} / ${f(recall)} / **${f(f1)}**`;
};

export function renderTable(sets: SetScore[]): string {
  const lines = [
    "| set | article | actors P / R / F1 | resolution P / R / F1 | claims P / R / F1 | events P / R / F1 |",
    "|---|---|---|---|---|---|",
  ];
  for (const s of sets) {
    for (const a of s.articles)
      lines.push(`| ${s.set} | ${a.file} | ${METRICS.map((m) => cell(a.score[m])).join(" | ")} |`);
    lines.push(
      `| ${s.set} | **overall (${s.articles.length} articles, micro)** | ${METRICS.map((m) => cell(s.overall[m])).join(" | ")} |`,
    );
  }
  const invalid = sets.flatMap((s) => s.invalid.map((i) => `- ${s.set}/${i.file}: ${i.problem}`));
  if (invalid.length > 0)
    lines.push("", "Left out (gold file does not pass the seed checks):", ...invalid);
  return lines.join("\n");
}
