// orderBy inputs: a list of keys, each with a direction, applied in order. Dates sort by their
// start (unknown last); counts sort by a relation's size. The node id always comes last, so
// the order is total and cursors stay stable under every ordering.
import { GraphQLError } from "graphql";
import type { Prisma } from "../../generated/prisma/client.ts";
import { builder } from "../builder.ts";

export const SortDirection = builder.enumType("SortDirection", {
  values: { ASC: { value: "asc" }, DESC: { value: "desc" } } as const,
});

type Direction = "asc" | "desc";
type OrderInput = Record<string, Direction | null | undefined>;
type Key<O> = (direction: Direction) => O;

function orderBy<O>(name: string, keys: Record<string, { description: string; order: Key<O> }>) {
  const input = builder.inputType(name, {
    description: "Set one key per item; items apply in list order",
    fields: (t) =>
      Object.fromEntries(
        Object.entries(keys).map(([key, { description }]) => [
          key,
          t.field({ type: SortDirection, description }),
        ]),
      ),
  });
  const toPrisma = (items: readonly OrderInput[] | null | undefined, tieBreak: O[]): O[] => {
    const order: O[] = [];
    for (const [index, item] of (items ?? []).entries()) {
      const set = Object.entries(item).filter(([, direction]) => direction != null);
      if (set.length !== 1) {
        throw new GraphQLError(`orderBy[${index}] must set exactly one key, not ${set.length}`);
      }
      const [key, direction] = set[0] as [string, Direction];
      order.push((keys[key] as { order: Key<O> }).order(direction));
    }
    return [...order, ...tieBreak];
  };
  return { input, toPrisma };
}

const nullsLast = (sort: Direction) => ({ sort, nulls: "last" as const });

export const DocumentOrder = orderBy<Prisma.DocumentOrderByWithRelationInput>("DocumentOrderBy", {
  publishedAt: {
    description: "Publication time, unknown last",
    order: (d) => ({ publishedAt: nullsLast(d) }),
  },
  title: { description: "Title", order: (d) => ({ title: d }) },
  slug: { description: "Slug", order: (d) => ({ slug: d }) },
  claimCount: { description: "Number of claims", order: (d) => ({ claims: { _count: d } }) },
});

export const ActorOrder = orderBy<Prisma.ActorOrderByWithRelationInput>("ActorOrderBy", {
  name: { description: "Name, case-insensitively", order: (d) => ({ nameKey: d }) },
  kind: { description: "Kind", order: (d) => ({ kind: d }) },
  claimCount: {
    description: "Number of claims the actor made",
    order: (d) => ({ claims: { _count: d } }),
  },
  mentionCount: { description: "Number of mentions", order: (d) => ({ mentions: { _count: d } }) },
  documentCount: {
    description: "Number of documents mentioning the actor",
    order: (d) => ({ documents: { _count: d } }),
  },
  eventCount: {
    description: "Number of events the actor takes part in",
    order: (d) => ({ participations: { _count: d } }),
  },
});

export const ClaimOrder = orderBy<Prisma.ClaimOrderByWithRelationInput>("ClaimOrderBy", {
  statedAt: {
    description: "When it was said (start), unknown last",
    order: (d) => ({ statedStart: nullsLast(d) }),
  },
  position: { description: "Position in its document", order: (d) => ({ spanStart: d }) },
  kind: { description: "Kind", order: (d) => ({ kind: d }) },
  text: { description: "Text", order: (d) => ({ text: d }) },
  subjectCount: { description: "Number of subjects", order: (d) => ({ subjects: { _count: d } }) },
});

export const EventOrder = orderBy<Prisma.EventOrderByWithRelationInput>("EventOrderBy", {
  date: {
    description: "When it happened (start), unknown last",
    order: (d) => ({ dateStart: nullsLast(d) }),
  },
  title: { description: "Title", order: (d) => ({ title: d }) },
  kind: { description: "Kind", order: (d) => ({ kind: d }) },
  status: { description: "Status", order: (d) => ({ status: d }) },
  claimCount: {
    description: "Number of claims about it",
    order: (d) => ({ claims: { _count: d } }),
  },
  participantCount: {
    description: "Number of participants",
    order: (d) => ({ participants: { _count: d } }),
  },
  documentCount: {
    description: "Number of documents reporting it",
    order: (d) => ({ documents: { _count: d } }),
  },
});

export const MentionOrder = orderBy<{ start?: Direction; documentId?: Direction }>(
  "MentionOrderBy",
  {
    position: { description: "Position in the body", order: (d) => ({ start: d }) },
  },
);
