// Prints the annotation the extraction pipeline finds in a plain-text article:
//   npm run extract -- article.txt [--published 2025-07-06]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ExtractInputError, extractAnnotation } from "../src/extract/index.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { published: { type: "string" } },
});
const file = positionals[0];
if (!file) {
  console.error("usage: npm run extract -- <file.txt> [--published YYYY-MM-DD]");
  process.exit(2);
}
if (values.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/u.test(values.published)) {
  console.error(`--published must be a date YYYY-MM-DD, not ${JSON.stringify(values.published)}`);
  process.exit(2);
}
let body: string;
try {
  body = readFileSync(file, "utf8");
} catch (error) {
  console.error(`cannot read ${file}: ${(error as Error).message}`);
  process.exit(1);
}
try {
  const result = extractAnnotation(body, { publishedAt: values.published ?? null });
  for (const warning of result.warnings) console.error(`warning: ${warning}`);
  console.log(JSON.stringify(result.annotation, null, 2));
} catch (error) {
  if (error instanceof ExtractInputError) {
    console.error(`${file}: ${error.field} ${error.message}`);
    process.exit(1);
  }
  throw error;
}
