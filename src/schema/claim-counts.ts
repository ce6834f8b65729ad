// Query.claimCounts: claims matching a filter, counted by claimant, kind or month.
//
// Statements: one Prisma groupBy (GROUP BY with COUNT(*), the filter in its WHERE) whatever the
// grouping; CLAIMANT adds one findMany for the claimants (their names are the keys), carrying
// the selection the query makes under `claimant`. MONTH groups by the statedAt columns
// (precision, start) in SQL and folds the days into months in memory with the timeline's
// bucketing (src/domain/timeline.ts), so a claim dated only to the year is never put in January.
import { queryFromInfo } from "@pothos/plugin-prisma";
import { bucketOf, UNDATED_KEY } from "../domain/timeline.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { ClaimKind as ClaimKindValue } from "../generated/prisma/enums.ts";
import { Actor } from "./actor.ts";
import { builder } from "./builder.ts";
import { db } from "./db.ts";
import { ClaimKind } from "./enums.ts";
import { ClaimFilter, claimFilter } from "./filters/index.ts";

/** The key of the claims no actor makes: the document itself asserts them. */
export const DOCUMENT_CLAIMANT_KEY = "(document)";

const GROUPINGS = ["CLAIMANT", "KIND", "MONTH"] as const;

export const ClaimGrouping = builder.enumType("ClaimGrouping", {
  description: "What claimCounts counts claims by",
  values: {
    CLAIMANT: { description: "Who makes the claim (or the document itself)" },
    KIND: { description: "The kind of claim" },
    MONTH: { description: "The month the claim was made (statedAt)" },
  },
});

interface CountShape {
  key: string;
  count: number;
  claimant: { id: number } | null;
  kind: ClaimKindValue | null;
  month: string | null;
}

const ClaimCount = builder.objectRef<CountShape>("ClaimCount").implement({
  description: "The number of claims in one group",
  fields: (t) => ({
    key: t.exposeString("key", {
      nullable: false,
      description:
        "CLAIMANT: the claimant's name, or " +
        `"${DOCUMENT_CLAIMANT_KEY}" for claims the document itself makes. KIND: the kind. ` +
        'MONTH: "YYYY-MM"; "YYYY" for claims dated only to the year; ' +
        `"${UNDATED_KEY}" for claims with no date or an UNKNOWN one.`,
    }),
    count: t.exposeInt("count", { nullable: false }),
    claimant: t.field({
      type: Actor,
      nullable: true,
      description:
        "CLAIMANT: who makes the claims; null for the document itself (and other groupings)",
      resolve: (group) => group.claimant as never,
    }),
    kind: t.field({
      type: ClaimKind,
      nullable: true,
      description: "KIND: the kind of the claims",
      resolve: (group) => group.kind,
    }),
    month: t.exposeString("month", {
      nullable: true,
      description:
        "MONTH: YYYY-MM when statedAt is known to the month; null for claims dated only to the " +
        "year and for undated claims",
    }),
  }),
});

function byCountThenKey(a: CountShape, b: CountShape): number {
  return b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

const none = { claimant: null, kind: null, month: null };

builder.queryField("claimCounts", (t) =>
  t.field({
    type: [ClaimCount],
    nullable: false,
    description:
      "Claims matching the filter, counted by claimant, kind or month; largest groups first, " +
      "then by key. The counts sum to the number of claims matching the filter.",
    args: {
      groupBy: t.arg({ type: ClaimGrouping, required: true }),
      filter: t.arg({ type: ClaimFilter }),
    },
    resolve: async (_root, args, context, info) => {
      const where = await claimFilter(args.filter);
      const grouping: (typeof GROUPINGS)[number] = args.groupBy;
      switch (grouping) {
        case "KIND": {
          const groups = await db().claim.groupBy({ by: ["kind"], where, _count: { _all: true } });
          return groups
            .map((g) => ({ ...none, key: g.kind, count: g._count._all, kind: g.kind }))
            .sort(byCountThenKey);
        }
        case "CLAIMANT": {
          const groups = await db().claim.groupBy({
            by: ["claimantId"],
            where,
            _count: { _all: true },
          });
          const ids = groups.flatMap((g) => (g.claimantId === null ? [] : [g.claimantId]));
          const query = await queryFromInfo({
            context,
            info,
            typeName: "Actor",
            paths: [["claimant"]],
            select: { id: true, name: true },
            awaitSelections: true,
          });
          const actors =
            ids.length === 0
              ? []
              : await db().actor.findMany({
                  ...(query as { select: Prisma.ActorSelect }),
                  where: { id: { in: ids } },
                });
          const byId = new Map(actors.map((a) => [a.id, a as { id: number; name: string }]));
          return groups
            .flatMap((g): CountShape[] => {
              if (g.claimantId === null) {
                return [{ ...none, key: DOCUMENT_CLAIMANT_KEY, count: g._count._all }];
              }
              const actor = byId.get(g.claimantId);
              // An actor deleted between the two statements: its claims lost their claimant.
              return actor
                ? [{ ...none, key: actor.name, count: g._count._all, claimant: actor }]
                : [];
            })
            .sort(byCountThenKey);
        }
        case "MONTH": {
          const groups = await db().claim.groupBy({
            by: ["statedPrecision", "statedStart", "statedEnd"],
            where,
            _count: { _all: true },
          });
          const counts = new Map<string, CountShape>();
          for (const g of groups) {
            const bucket = bucketOf(
              { precision: g.statedPrecision ?? "UNKNOWN", start: g.statedStart, end: g.statedEnd },
              "MONTH",
            );
            const seen = counts.get(bucket.key);
            if (seen) seen.count += g._count._all;
            else {
              const month = bucket.coarse ? null : bucket.key;
              counts.set(bucket.key, { ...none, key: bucket.key, count: g._count._all, month });
            }
          }
          return [...counts.values()].sort(byCountThenKey);
        }
      }
    },
  }),
);
