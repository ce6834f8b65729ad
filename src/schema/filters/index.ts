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

type Filter = FilterInput | null | undefined;

// A connection translates its filter twice (for totalCount and for the page): the search
// lookups are kept per filter object, which lives as long as the request's arguments.
const hitsByFilter = new WeakMap<FilterInput, Promise<SearchHits>>();

function searchHits(filter: FilterInput): Promise<SearchHits> {
  let hits = hitsByFilter.get(filter);
  if (hits === undefined) {
    hits = lookUpSearches(filter);
    hitsByFilter.set(filter, hits);
  }
  return hits;
}

async function lookUpSearches(filter: FilterInput): Promise<SearchHits> {
  const hits: SearchHits = new Map();
  for (const query of searchStrings(filter)) {
    hits.set(query, await claimIdsMatching(db(), { query }));
  }
  return hits;
}

/** The async form of a translator: search strings looked up, no filter meaning no condition. */
function withSearches<W>(translate: (filter: FilterInput, hits: SearchHits) => W) {
  return async (filter: Filter): Promise<W> =>
    filter ? translate(filter, await searchHits(filter)) : ({} as W);
}

export const documentFilter = withSearches<Prisma.DocumentWhereInput>(documentWhere);
export const actorFilter = withSearches<Prisma.ActorWhereInput>(actorWhere);
export const claimFilter = withSearches<Prisma.ClaimWhereInput>(claimWhere);
export const eventFilter = withSearches<Prisma.EventWhereInput>(eventWhere);
export const mentionFilter = withSearches(mentionWhere);

export {
  ActorFilter,
  ClaimFilter,
  DocumentFilter,
  EventFilter,
  MentionFilter,
} from "./model-filters.ts";
export { ActorOrder, ClaimOrder, DocumentOrder, EventOrder, MentionOrder } from "./order-by.ts";
