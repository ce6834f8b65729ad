// The filter inputs of the four node types and their link relations. They follow Prisma's
// `where` shape (scalar filters, to-one relations nested directly, to-many relations with
// some/every/none, AND/OR/NOT), but speak the API's names: `date`, `statedAt`, `nameOrAlias`,
// `search`, `subjects`, `participants` are translated to storage in where.ts.
import type { ImplementableInputObjectRef, InputObjectRef } from "@pothos/core";
import type { Types } from "../builder.ts";
import { builder } from "../builder.ts";
import {
  ActorKindFilter,
  ClaimKindFilter,
  DateFilter,
  DatePrecisionFilter,
  DateTimeFilter,
  EventKindFilter,
  EventStatusFilter,
  IntFilter,
  OriginFilter,
  StringFilter,
} from "./scalar-filters.ts";

// Filter inputs are recursive JSON shaped like Prisma's where.
export type FilterInput = Record<string, any>;
type Filter = ImplementableInputObjectRef<Types, FilterInput>;

export const DocumentFilter: Filter = builder.inputRef<FilterInput>("DocumentFilter");
export const ActorFilter: Filter = builder.inputRef<FilterInput>("ActorFilter");
export const ClaimFilter: Filter = builder.inputRef<FilterInput>("ClaimFilter");
export const EventFilter: Filter = builder.inputRef<FilterInput>("EventFilter");
export const ParticipantFilter = builder.inputRef<FilterInput>("ParticipantFilter");
export const MentionFilter = builder.inputRef<FilterInput>("MentionFilter");

function listFilter(name: string, item: InputObjectRef<Types, FilterInput>, what: string) {
  return builder.inputType(name, {
    description: `Matches by the ${what} in the list: some, every or none of them`,
    fields: (t) => ({
      some: t.field({ type: item }),
      every: t.field({ type: item }),
      none: t.field({ type: item }),
    }),
  });
}

const DocumentListFilter = listFilter("DocumentListFilter", DocumentFilter, "documents");
const ActorListFilter = listFilter("ActorListFilter", ActorFilter, "actors");
const ClaimListFilter = listFilter("ClaimListFilter", ClaimFilter, "claims");
const EventListFilter = listFilter("EventListFilter", EventFilter, "events");
const ParticipantListFilter = listFilter(
  "ParticipantListFilter",
  ParticipantFilter,
  "participants",
);

export const DateRange = builder.inputType("DateRange", {
  description: "Calendar days from start to end, both included",
  fields: (t) => ({
    start: t.field({ type: "Date", required: true }),
    end: t.field({ type: "Date", required: true }),
  }),
});

export const FuzzyDateFilter = builder.inputType("FuzzyDateFilter", {
  description:
    "overlaps matches dates whose [start, end] intersects the range, whatever their precision; " +
    'a date without a known end ("in the coming days") never overlaps a closed range.',
  fields: (t) => ({
    overlaps: t.field({ type: DateRange }),
    start: t.field({ type: DateFilter }),
    end: t.field({ type: DateFilter }),
    precision: t.field({ type: DatePrecisionFilter }),
    yearInferred: t.boolean(),
    text: t.field({ type: StringFilter }),
  }),
});

DocumentFilter.implement({
  fields: (t) => ({
    AND: t.field({ type: [DocumentFilter] }),
    OR: t.field({ type: [DocumentFilter] }),
    NOT: t.field({ type: DocumentFilter }),
    slug: t.field({ type: StringFilter }),
    title: t.field({ type: StringFilter }),
    body: t.field({ type: StringFilter }),
    source: t.field({ type: StringFilter }),
    url: t.field({ type: StringFilter }),
    language: t.field({ type: StringFilter }),
    publishedAt: t.field({ type: DateTimeFilter }),
    claims: t.field({ type: ClaimListFilter }),
    actors: t.field({ type: ActorListFilter, description: "Actors mentioned in the document" }),
    events: t.field({ type: EventListFilter, description: "Events the document refers to" }),
  }),
});

ActorFilter.implement({
  fields: (t) => ({
    AND: t.field({ type: [ActorFilter] }),
    OR: t.field({ type: [ActorFilter] }),
    NOT: t.field({ type: ActorFilter }),
    name: t.field({ type: StringFilter }),
    nameOrAlias: t.field({ type: StringFilter, description: "The canonical name or any alias" }),
    kind: t.field({ type: ActorKindFilter }),
    description: t.field({ type: StringFilter }),
    claims: t.field({ type: ClaimListFilter, description: "Claims the actor made" }),
    claimsAbout: t.field({ type: ClaimListFilter, description: "Claims about the actor" }),
    events: t.field({ type: EventListFilter, description: "Events the actor takes part in" }),
    documents: t.field({ type: DocumentListFilter, description: "Documents mentioning the actor" }),
  }),
});

ClaimFilter.implement({
  fields: (t) => ({
    AND: t.field({ type: [ClaimFilter] }),
    OR: t.field({ type: [ClaimFilter] }),
    NOT: t.field({ type: ClaimFilter }),
    search: t.string({ description: "Full-text search over the claim (websearch syntax)" }),
    text: t.field({ type: StringFilter }),
    quote: t.field({ type: StringFilter }),
    kind: t.field({ type: ClaimKindFilter }),
    origin: t.field({ type: OriginFilter, description: "MANUAL or EXTRACTED" }),
    claimant: t.field({ type: ActorFilter, description: "null: claims the document itself makes" }),
    subjects: t.field({ type: ActorListFilter }),
    statedAt: t.field({ type: FuzzyDateFilter, description: "null: claims with no known date" }),
    document: t.field({ type: DocumentFilter }),
    event: t.field({ type: EventFilter, description: "null: claims about no event" }),
    spanStart: t.field({ type: IntFilter, description: "Position in the body" }),
  }),
});

EventFilter.implement({
  fields: (t) => ({
    AND: t.field({ type: [EventFilter] }),
    OR: t.field({ type: [EventFilter] }),
    NOT: t.field({ type: EventFilter }),
    slug: t.field({ type: StringFilter }),
    title: t.field({ type: StringFilter }),
    kind: t.field({ type: EventKindFilter }),
    status: t.field({ type: EventStatusFilter }),
    origin: t.field({ type: OriginFilter, description: "MANUAL or EXTRACTED" }),
    description: t.field({ type: StringFilter }),
    location: t.field({ type: StringFilter }),
    date: t.field({ type: FuzzyDateFilter }),
    participants: t.field({ type: ParticipantListFilter }),
    claims: t.field({ type: ClaimListFilter }),
    documents: t.field({ type: DocumentListFilter }),
    related: t.field({ type: EventListFilter }),
  }),
});

ParticipantFilter.implement({
  fields: (t) => ({
    actor: t.field({ type: ActorFilter }),
    role: t.field({ type: StringFilter }),
  }),
});

MentionFilter.implement({
  description: "Filters actor or event mentions",
  fields: (t) => ({
    text: t.field({ type: StringFilter }),
    start: t.field({ type: IntFilter }),
    origin: t.field({ type: OriginFilter, description: "MANUAL or EXTRACTED" }),
    document: t.field({ type: DocumentFilter }),
  }),
});
