// The annotation format: one JSON file per document in seeds/, and the payload of the
// importAnnotations mutation. Structural checks live here (zod); checks against the body and the
// database (spans, references) live in annotations.ts. `npm run schema:annotation` exports this
// schema as seeds/annotation.schema.json for editors.
import { z } from "zod";
import {
  ActorKind,
  ClaimKind,
  DatePrecision,
  EventKind,
  EventRelationKind,
  EventStatus,
} from "../generated/prisma/enums.ts";

export const MAX_NAME_LENGTH = 300;

const name = z.string().trim().min(1, "must not be empty").max(MAX_NAME_LENGTH);
const isoDate = z.iso.date("must be a date in the form YYYY-MM-DD");
// How sure the extraction pipeline is of an item (0–1); hand annotations leave it out.
const confidence = z
  .number()
  .min(0)
  .max(1)
  .optional()
  .describe("Extraction confidence 0–1; absent for hand annotation");

export const spanSchema = z
  .object({
    start: z
      .int()
      .nonnegative()
      .describe("First character, a JavaScript string index into the body"),
    end: z.int().positive().describe("One past the last character (exclusive)"),
    text: z.string().min(1).describe("Exactly body.slice(start, end)"),
  })
  .strict()
  .describe("A span of the document body: body.slice(start, end) === text");

export const fuzzyDateSchema = z
  .object({
    text: z.string().trim().min(1).nullable().default(null).describe("The words of the source"),
    start: isoDate.nullable().default(null),
    end: isoDate.nullable().default(null),
    precision: z.enum(DatePrecision),
    yearInferred: z.boolean().default(false),
  })
  .strict();

export const actorSchema = z
  .object({
    name: name.describe("Canonical name, unique case-insensitively"),
    kind: z.enum(ActorKind),
    aliases: z.array(name).default([]).describe("Other names that resolve to this actor"),
    description: z.string().trim().min(1).nullable().default(null),
    mentions: z.array(spanSchema).default([]),
    confidence,
  })
  .strict();

export const participantSchema = z
  .object({
    actor: name.describe("Name or alias of an actor declared in this file"),
    role: z.string().trim().min(1).max(100).nullable().default(null),
  })
  .strict();

export const eventSchema = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, "must be lower-case words joined by dashes")
      .max(120)
      .describe("Stable key; the same slug in another document means the same event"),
    title: name,
    kind: z.enum(EventKind),
    status: z.enum(EventStatus),
    description: z.string().trim().min(1).nullable().default(null),
    location: z.string().trim().min(1).max(MAX_NAME_LENGTH).nullable().default(null),
    date: fuzzyDateSchema,
    participants: z.array(participantSchema).default([]),
    mentions: z.array(spanSchema).default([]),
    related: z
      .array(z.object({ event: z.string(), kind: z.enum(EventRelationKind) }).strict())
      .default([])
      .describe("Links to other events of this file, by slug"),
    confidence,
  })
  .strict();

export const claimSchema = z
  .object({
    text: z.string().trim().min(1).describe("What is claimed, in plain words"),
    quote: z.string().min(1).nullable().default(null).describe("Verbatim words, inside the span"),
    kind: z.enum(ClaimKind),
    claimant: name.nullable().describe("Who asserts it; null when the document itself does"),
    subjects: z.array(name).default([]).describe("Actors the claim is about"),
    statedAt: fuzzyDateSchema.nullable().default(null),
    span: spanSchema,
    event: z.string().nullable().default(null).describe("Slug of the event it concerns"),
    confidence,
  })
  .strict();

export const annotationContentSchema = z.object({
  actors: z.array(actorSchema).default([]),
  events: z.array(eventSchema).default([]),
  claims: z.array(claimSchema).default([]),
});

export const seedDocumentSchema = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, "must be lower-case words joined by dashes"),
    title: name,
    bodyFile: z.string().min(1).describe("Text file next to this one holding the exact body"),
    source: z.string().trim().min(1).nullable().default(null),
    url: z.url().nullable().default(null),
    publishedAt: z
      .union([z.iso.datetime({ offset: true }), isoDate])
      .nullable()
      .default(null),
    language: z.string().min(2).max(35).default("en"),
  })
  .strict();

export const seedFileSchema = annotationContentSchema
  .extend({
    $schema: z.string().optional(),
    document: seedDocumentSchema,
  })
  .strict();

export type Annotation = z.infer<typeof annotationContentSchema>;
export type SeedFile = z.infer<typeof seedFileSchema>;
export type ActorAnnotation = z.infer<typeof actorSchema>;
export type EventAnnotation = z.infer<typeof eventSchema>;
export type ClaimAnnotation = z.infer<typeof claimSchema>;
