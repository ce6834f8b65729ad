// Extraction speed: the pipeline on a 5,000-word article built from the dev-set texts (repeated
// until long enough), after one warm-up run that also loads the wink model. The lead wires this
// into `npm run bench`; `npx tsx bench/extract.ts` runs it alone.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractAnnotation } from "../src/extract/index.ts";

export interface ExtractBenchResult {
  words: number;
  characters: number;
  runs: number;
  /** Milliseconds per run. */
  medianMs: number;
  p95Ms: number;
  modelLoadMs: number;
  actors: number;
  claims: number;
  events: number;
  lines: string[];
}

const SOURCES = ["tests/fixtures/extract/tune", "seeds"];

/** Plain-text articles of the dev set joined and repeated to at least `words` words. */
export function buildArticle(root: string, words = 5_000): string {
  const texts = SOURCES.flatMap((dir) => {
    try {
      return readdirSync(join(root, dir))
        .filter((f) => f.endsWith(".txt"))
        .sort()
        .map((f) => readFileSync(join(root, dir, f), "utf8").trim());
    } catch {
      return [];
    }
  });
  if (texts.length === 0) throw new Error("no dev-set texts to build the benchmark article from");
  const paragraphs: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const text = texts[i % texts.length] as string;
    paragraphs.push(text);
    count += text.split(/\s+/u).length;
  }
  return paragraphs.join("\n");
}

export async function benchExtract(root = process.cwd(), runs = 10): Promise<ExtractBenchResult> {
  const body = buildArticle(root);
  const options = { publishedAt: "2025-07-06" };
  const load = performance.now();
  extractAnnotation("Warm-up: the ministry said the talks would resume.", options);
  const modelLoadMs = performance.now() - load;
  const times: number[] = [];
  let last = extractAnnotation(body, options);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = extractAnnotation(body, options);
    times.push(performance.now() - start);
    // Yield so a bench harness around this stays responsive.
    await new Promise((resolve) => setImmediate(resolve));
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)] as number;
  const p95Ms = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] as number;
  const words = body.split(/\s+/u).length;
  const { actors, claims, events } = last.annotation;
  return {
    words,
    characters: body.length,
    runs,
    medianMs,
    p95Ms,
    modelLoadMs,
    actors: actors.length,
    claims: claims.length,
    events: events.length,
    lines: [
      `extraction of a ${words}-word article (${body.length} characters), ${runs} runs:`,
      `  median ${medianMs.toFixed(0)} ms, p95 ${p95Ms.toFixed(0)} ms; first call incl. model load ${modelLoadMs.toFixed(0)} ms`,
      `  found ${actors.length} actors, ${claims.length} claims, ${events.length} events`,
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchExtract();
  for (const line of result.lines) console.log(line);
}
