// How Prisma loads the relations a query selects (the `relationJoins` preview feature is on in
// prisma/schema.prisma):
//   "join"  one statement: LATERAL joins with JSON aggregation, a nested `take` (a connection's
//           `first:`) applied as a LIMIT in SQL;
//   "query" one statement per relation level (`… WHERE parentId IN (…)`), a nested `take` cut in
//           memory after reading every child of the parents.
//
// Once the feature is on Prisma defaults to "join" everywhere. The client keeps "query" as the
// default (withDefaultRelationLoadStrategy below), so code that never asks keeps the statements
// it was written and tested against, and the GraphQL read paths measured in bench/ ask for
// `relationLoadStrategy()` explicitly: "join", measured faster there (bench/results).
import type { PrismaClient } from "../generated/prisma/client.ts";

export type RelationLoadStrategy = "join" | "query";

let current: RelationLoadStrategy = "join";

/** The strategy the GraphQL read paths (root connections and lookups) load relations with. */
export function relationLoadStrategy(): RelationLoadStrategy {
  return current;
}

/**
 * Sets the strategy for the read paths, for the whole process. Only the benchmark calls it, to
 * measure "query" against "join" on the same server code.
 */
export function setRelationLoadStrategy(strategy: RelationLoadStrategy): void {
  current = strategy;
}

const READS = new Set([
  "findMany",
  "findFirst",
  "findFirstOrThrow",
  "findUnique",
  "findUniqueOrThrow",
]);

/**
 * The client with `strategy` as the default for every read that does not name one. Only the
 * query hook is extended, so the client keeps PrismaClient's shape.
 */
export function withDefaultRelationLoadStrategy(
  prisma: PrismaClient,
  strategy: RelationLoadStrategy,
): PrismaClient {
  return prisma.$extends({
    name: "default-relation-load-strategy",
    query: {
      $allModels: {
        $allOperations({ operation, args, query }) {
          const given = args as { relationLoadStrategy?: RelationLoadStrategy } | undefined;
          if (!READS.has(operation) || given?.relationLoadStrategy !== undefined) {
            return query(args);
          }
          return query({ ...given, relationLoadStrategy: strategy } as typeof args);
        },
      },
    },
  }) as unknown as PrismaClient;
}
