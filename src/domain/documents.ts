// Documents are stored once per text: the body's sha256 is unique, so sending the same article
// again finds the stored one instead of duplicating it.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Document, Prisma } from "../generated/prisma/client.ts";
import { MAX_NAME_LENGTH } from "./annotation-format.ts";
import { ConflictError, DomainValidationError } from "./errors.ts";
import { slugify } from "./names.ts";

type Db = Prisma.TransactionClient;

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export const documentInputSchema = z.object({
  title: z.string().trim().min(1, "must not be empty").max(MAX_NAME_LENGTH),
  body: z
    .string()
    .min(1, "must not be empty")
    .refine((body) => Buffer.byteLength(body, "utf8") <= MAX_BODY_BYTES, "must be at most 2 MB"),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, "must be lower-case words joined by dashes")
    .max(120)
    .nullish(),
  source: z.string().trim().min(1).max(MAX_NAME_LENGTH).nullish(),
  url: z.url().nullish(),
  publishedAt: z.date().nullish(),
  language: z.string().min(2).max(35).nullish(),
});

export type DocumentInput = z.input<typeof documentInputSchema>;

export function contentHash(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}

export async function ingestDocument(
  db: Db,
  input: DocumentInput,
): Promise<{ document: Document; created: boolean }> {
  const parsed = documentInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainValidationError(
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String),
        message: issue.message,
      })),
    );
  }
  const fields = parsed.data;
  const hash = contentHash(fields.body);
  const existing = await db.document.findUnique({ where: { contentHash: hash } });
  if (existing) return { document: existing, created: false };

  const slug = fields.slug ?? (await freeSlug(db, slugify(fields.title)));
  const taken = await db.document.findUnique({ where: { slug }, select: { id: true } });
  if (taken)
    throw new ConflictError(`slug ${JSON.stringify(slug)} is already used by another document`);

  const document = await db.document.create({
    data: {
      slug,
      title: fields.title,
      body: fields.body,
      source: fields.source ?? null,
      url: fields.url ?? null,
      publishedAt: fields.publishedAt ?? null,
      language: fields.language ?? "en",
      contentHash: hash,
    },
  });
  return { document, created: true };
}

/** `base`, or `base-2`, `base-3` … whichever is not taken yet. */
async function freeSlug(db: Db, base: string): Promise<string> {
  const rows = await db.document.findMany({
    where: { slug: { startsWith: base } },
    select: { slug: true },
  });
  const taken = new Set(rows.map((r) => r.slug));
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/**
 * Reads a document and locks its row until the transaction ends, so two annotation writes to the
 * same document (importAnnotations, extractDocument) run one after the other: otherwise REPLACE
 * in one cannot see the rows the other is adding, and both sets of claims stay.
 */
export async function lockDocument(
  db: Prisma.TransactionClient,
  id: number,
): Promise<Document | null> {
  await db.$queryRaw`SELECT 1 FROM "Document" WHERE id = ${id} FOR UPDATE`;
  return db.document.findUnique({ where: { id } });
}
