// Loads every annotation file of a seed folder: all files are checked before anything is
// written, then all are written in one transaction, so a broken file leaves the database as it
// was. A document whose body and annotation are unchanged since the last run is skipped.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { checkAnnotation } from "./annotation-checks.ts";
import { type SeedFile, seedFileSchema } from "./annotation-format.ts";
import { importAnnotation } from "./annotation-import.ts";
import { ingestDocument } from "./documents.ts";
import { ConflictError, DomainValidationError, type ValidationIssue } from "./errors.ts";

export interface SeedResult {
  file: string;
  slug: string;
  status: "created" | "updated" | "unchanged";
}

interface LoadedSeed {
  file: string;
  seed: SeedFile;
  body: string;
  hash: string;
}

export class SeedError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(
      `seed files are invalid, nothing was written:\n${issues
        .map((i) => `  ${i.path[0]}: ${i.path.slice(1).join(".") || "(file)"}: ${i.message}`)
        .join("\n")}`,
    );
    this.name = "SeedError";
  }
}

export function seedFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json") && !name.endsWith(".schema.json"))
    .sort();
}

/** Reads and checks every seed file; throws SeedError listing every problem in every file. */
export function loadSeeds(dir: string): LoadedSeed[] {
  const issues: ValidationIssue[] = [];
  const loaded: LoadedSeed[] = [];
  for (const file of seedFiles(dir)) {
    const fail = (path: (string | number)[], message: string) =>
      issues.push({ path: [file, ...path.map(String)], message });
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, file), "utf8"));
    } catch (error) {
      fail([], `not valid JSON: ${(error as Error).message}`);
      continue;
    }
    const parsed = seedFileSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        fail(issue.path as (string | number)[], issue.message);
      continue;
    }
    let body: string;
    try {
      body = readFileSync(join(dir, parsed.data.document.bodyFile), "utf8");
    } catch {
      fail(["document", "bodyFile"], `cannot read ${parsed.data.document.bodyFile}`);
      continue;
    }
    for (const issue of checkAnnotation(body, parsed.data)) fail(issue.path, issue.message);
    const hash = createHash("sha256")
      .update(body)
      .update("\0")
      .update(JSON.stringify(parsed.data))
      .digest("hex");
    loaded.push({ file, seed: parsed.data, body, hash });
  }
  if (issues.length > 0) throw new SeedError(issues);
  return loaded;
}

export async function seedDirectory(prisma: PrismaClient, dir: string): Promise<SeedResult[]> {
  const seeds = loadSeeds(dir);
  return prisma.$transaction(
    async (tx) => {
      const results: SeedResult[] = [];
      for (const seed of seeds) {
        try {
          results.push(await applySeed(tx, seed));
        } catch (error) {
          throw asSeedError(seed.file, error);
        }
      }
      return results;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

async function applySeed(
  tx: Prisma.TransactionClient,
  { file, seed, body, hash }: LoadedSeed,
): Promise<SeedResult> {
  const { document, created } = await ingestDocument(tx, {
    ...seed.document,
    body,
    publishedAt: seed.document.publishedAt ? new Date(seed.document.publishedAt) : null,
  });
  if (document.annotationHash === hash) return { file, slug: document.slug, status: "unchanged" };
  await importAnnotation(tx, document, seed, "REPLACE");
  await tx.document.update({ where: { id: document.id }, data: { annotationHash: hash } });
  return { file, slug: document.slug, status: created ? "created" : "updated" };
}

/** Expected failures get the file name in front; anything else is a bug and passes through. */
function asSeedError(file: string, error: unknown): unknown {
  if (error instanceof DomainValidationError) {
    return new SeedError(error.issues.map((i) => ({ ...i, path: [file, ...i.path] })));
  }
  if (error instanceof ConflictError)
    return new SeedError([{ path: [file], message: error.message }]);
  return error;
}
