// Runs the pipeline over folders of gold files and renders the scores as a Markdown table.
import { basename } from "node:path";
import { loadSeeds } from "../../domain/seeding.ts";
import { extractAnnotation } from "../index.ts";
import { type ArticleScore, addCounts, type Counts, emptyCounts, prf, scoreArticle } from "./score.ts";

export interface SetScore {
  set: string;
  articles: { file: string; score: ArticleScore }[];
  overall: ArticleScore;
}

const METRICS = ["actors", "resolution", "claims", "events"] as const;

export function evaluateFolder(set: string, dir: string): SetScore {
  const articles = loadSeeds(dir).map(({ file, seed, body }) => {
    const { annotation } = extractAnnotation(body, { publishedAt: seed.document.publishedAt });
    return { file: basename(file, ".json"), score: scoreArticle(body, seed, annotation) };
  });
  const overall = Object.fromEntries(
    METRICS.map((m) => [m, articles.reduce<Counts>((sum, a) => addCounts(sum, a.score[m]), emptyCounts())]),
  ) as unknown as ArticleScore;
  return { set, articles, overall };
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
  return lines.join("\n");
}
