// Filter arguments → Prisma where, with full-text `search` strings looked up first (one query
// per distinct search string, whatever the nesting), so translation itself stays synchronous.
import { claimIdsMatching } from "../../domain/search.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { db } from "../db.ts";
import type { FilterInput } from "./model-filters.ts";
import {
  actorWhere,
  claimWhere,
  documentWhere,
  eventWhere,
  mentionWhere,
  type SearchHits,
  searchStrings,
} from "./where.ts";

async function searchHits(filter: FilterInput | null | undefined): Promise<SearchHits> {
  const hits: SearchHits = new Map();
  for (const query of searchStrings(filter)) {
    hits.set(query, await claimIdsMatching(db(), { query }));
  }
  return hits;
}

type Filter = FilterInput | null | undefined;

export async function documentFilter(filter: Filter): Promise<Prisma.DocumentWhereInput> {
  return filter ? documentWhere(filter, await searchHits(filter)) : {};
}
export async function actorFilter(filter: Filter): Promise<Prisma.ActorWhereInput> {
  return filter ? actorWhere(filter, await searchHits(filter)) : {};
}
export async function claimFilter(filter: Filter): Promise<Prisma.ClaimWhereInput> {
  return filter ? claimWhere(filter, await searchHits(filter)) : {};
}
export async function eventFilter(filter: Filter): Promise<Prisma.EventWhereInput> {
  return filter ? eventWhere(filter, await searchHits(filter)) : {};
}
export async function mentionFilter(filter: Filter) {
  return filter ? mentionWhere(filter, await searchHits(filter)) : {};
}

export {
  ActorFilter,
  ClaimFilter,
  DocumentFilter,
  EventFilter,
  MentionFilter,
} from "./model-filters.ts";
export { ActorOrder, ClaimOrder, DocumentOrder, EventOrder, MentionOrder } from "./order-by.ts";
