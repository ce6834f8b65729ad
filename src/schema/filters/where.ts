// Translates the API's filter inputs into Prisma `where` objects. Scalar filters pass through;
// the names that differ from storage are mapped here, at every nesting depth: fuzzy dates become
// bounds on their columns, link relations go through their link tables, `nameOrAlias` looks at
// aliases too, and `search` uses the ids found by full-text search beforehand.
import { GraphQLError } from "graphql";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { FilterInput } from "./model-filters.ts";

/** Claim ids matching each `search` string of a filter, looked up before translation. */
export type SearchHits = Map<string, number[]>;

type Translate<W> = (filter: FilterInput, hits: SearchHits) => W;

const isSet = (value: unknown): boolean => value !== undefined;

/** Adds a condition to a where without replacing the AND it may already have. */
function and<W extends { AND?: W | W[] }>(where: W, condition: W): W {
  const existing =
    where.AND === undefined ? [] : Array.isArray(where.AND) ? where.AND : [where.AND];
  return { ...where, AND: [...existing, condition] };
}

function scalars(filter: FilterInput, fields: string[], optional: string[] = []) {
  const where: FilterInput = {};
  for (const field of fields) {
    const value = filter[field] as FilterInput | null | undefined;
    if (!isSet(value)) continue;
    if (value === null) throw new GraphQLError(`filter.${field} cannot be null`);
    if (value?.equals === null && !optional.includes(field)) {
      throw new GraphQLError(`filter.${field}.equals: null never matches: ${field} is always set`);
    }
    where[field] = value;
  }
  return where;
}

function logical<W>(filter: FilterInput, hits: SearchHits, translate: Translate<W>) {
  const where: { AND?: W[]; OR?: W[]; NOT?: W } = {};
  if (filter.AND) where.AND = filter.AND.map((f: FilterInput) => translate(f, hits));
  if (filter.OR) where.OR = filter.OR.map((f: FilterInput) => translate(f, hits));
  if (filter.NOT) where.NOT = translate(filter.NOT, hits);
  return where;
}

/** some/every/none over a list, each item translated (and wrapped for link tables). */
function list<W>(filter: FilterInput | undefined, translate: (f: FilterInput) => W) {
  if (!filter) return undefined;
  const where: { some?: W; every?: W; none?: W } = {};
  if (filter.some) where.some = translate(filter.some);
  if (filter.every) where.every = translate(filter.every);
  if (filter.none) where.none = translate(filter.none);
  return where;
}

/** A fuzzy date filter on the columns `<prefix>Start`, `<prefix>End`, `<prefix>Precision` … */
function fuzzyDate(prefix: "date" | "stated", filter: FilterInput): FilterInput {
  const conditions: FilterInput[] = [];
  if (filter.overlaps) {
    const { start, end } = filter.overlaps;
    if (start > end) throw new GraphQLError("overlaps.start must not be after overlaps.end");
    conditions.push({ [`${prefix}Start`]: { lte: end }, [`${prefix}End`]: { gte: start } });
  }
  if (filter.start) conditions.push({ [`${prefix}Start`]: filter.start });
  if (filter.end) conditions.push({ [`${prefix}End`]: filter.end });
  if (filter.precision) conditions.push({ [`${prefix}Precision`]: filter.precision });
  if (isSet(filter.yearInferred) && filter.yearInferred !== null) {
    conditions.push({ [`${prefix}YearInferred`]: filter.yearInferred });
  }
  if (filter.text) conditions.push({ [`${prefix}Text`]: filter.text });
  return { AND: conditions };
}

export const documentWhere: Translate<Prisma.DocumentWhereInput> = (f, hits) => ({
  ...logical(f, hits, documentWhere),
  ...scalars(
    f,
    ["slug", "title", "body", "source", "url", "language", "publishedAt"],
    ["source", "url", "publishedAt"],
  ),
  ...(f.claims && { claims: list(f.claims, (c) => claimWhere(c, hits)) }),
  ...(f.actors && { actors: list(f.actors, (a) => ({ actor: actorWhere(a, hits) })) }),
  ...(f.events && { events: list(f.events, (e) => ({ event: eventWhere(e, hits) })) }),
});

export const actorWhere: Translate<Prisma.ActorWhereInput> = (f, hits) => {
  const where: Prisma.ActorWhereInput = {
    ...logical(f, hits, actorWhere),
    ...scalars(f, ["name", "kind", "description"], ["description"]),
    ...(f.claims && { claims: list(f.claims, (c) => claimWhere(c, hits)) }),
    ...(f.claimsAbout && {
      subjectOf: list(f.claimsAbout, (c) => ({ claim: claimWhere(c, hits) })),
    }),
    ...(f.events && { participations: list(f.events, (e) => ({ event: eventWhere(e, hits) })) }),
    ...(f.documents && {
      documents: list(f.documents, (d) => ({ document: documentWhere(d, hits) })),
    }),
  };
  const name = f.nameOrAlias;
  return name ? and(where, { OR: [{ name }, { aliases: { some: { alias: name } } }] }) : where;
};

export const claimWhere: Translate<Prisma.ClaimWhereInput> = (f, hits) => {
  const where: Prisma.ClaimWhereInput = {
    ...logical(f, hits, claimWhere),
    ...scalars(f, ["text", "quote", "kind", "origin", "spanStart"], ["quote"]),
    ...(f.subjects && { subjects: list(f.subjects, (a) => ({ actor: actorWhere(a, hits) })) }),
    ...(f.document && { document: documentWhere(f.document, hits) }),
  };
  // An explicit null on an optional relation or date asks for claims without one.
  if (f.claimant === null) where.claimantId = null;
  else if (f.claimant) where.claimant = actorWhere(f.claimant, hits);
  if (f.event === null) where.eventId = null;
  else if (f.event) where.event = eventWhere(f.event, hits);
  if (f.statedAt === null) where.statedPrecision = null;
  if (isSet(f.search) && f.search !== null) where.id = { in: hits.get(f.search as string) ?? [] };
  return f.statedAt ? and(where, fuzzyDate("stated", f.statedAt)) : where;
};

export const eventWhere: Translate<Prisma.EventWhereInput> = (f, hits) => {
  const where: Prisma.EventWhereInput = {
    ...logical(f, hits, eventWhere),
    ...scalars(
      f,
      ["slug", "title", "kind", "status", "origin", "description", "location"],
      ["description", "location"],
    ),
    ...(f.participants && {
      participants: list(f.participants, (p) => ({
        ...(p.actor && { actor: actorWhere(p.actor, hits) }),
        ...(p.role && { role: p.role }),
      })),
    }),
    ...(f.claims && { claims: list(f.claims, (c) => claimWhere(c, hits)) }),
    ...(f.documents && {
      documents: list(f.documents, (d) => ({ document: documentWhere(d, hits) })),
    }),
    ...(f.related && { relatedTo: list(f.related, (e) => ({ to: eventWhere(e, hits) })) }),
  };
  return f.date ? and(where, fuzzyDate("date", f.date)) : where;
};

export const mentionWhere = (f: FilterInput, hits: SearchHits) => ({
  ...scalars(f, ["text", "start", "origin"]),
  ...(f.document && { document: documentWhere(f.document, hits) }),
});

/** Every `search` string anywhere in a filter, so they can be looked up before translating. */
export function searchStrings(filter: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(filter)) for (const item of filter) searchStrings(item, found);
  else if (filter && typeof filter === "object" && !(filter instanceof Date)) {
    for (const [key, value] of Object.entries(filter)) {
      if (key === "search" && typeof value === "string") found.add(value);
      else searchStrings(value, found);
    }
  }
  return found;
}
