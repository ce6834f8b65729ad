// Pothos builder: configuration only. Types live in one file each next to this one.
import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import PrismaUtilsPlugin from "@pothos/plugin-prisma-utils";
import RelayPlugin from "@pothos/plugin-relay";
import { DateTimeResolver } from "graphql-scalars";
import { getDb } from "../db/client.ts";
import type PrismaTypes from "../generated/pothos-types.ts";
import { getDatamodel } from "../generated/pothos-types.ts";
import { IsoDateResolver } from "./iso-date-scalar.ts";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export type Types = PothosSchemaTypes.ExtendDefaultTypes<SchemaTypes>;

interface SchemaTypes {
  // Fields are non-null unless they say nullable: the contract promises Span!, FuzzyDate! …
  DefaultFieldNullability: false;
  // Relation queries may await: a `search` filter looks up matching ids before the query runs.
  AsyncSelections: true;
  PrismaTypes: PrismaTypes;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    ID: { Input: string; Output: string | number };
  };
}

export const builder = new SchemaBuilder<SchemaTypes>({
  defaultFieldNullability: false,
  plugins: [PrismaPlugin, PrismaUtilsPlugin, RelayPlugin],
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodesOnConnection: true,
  },
  prisma: {
    // A function, not the client itself, so the client is created on first use: importing the
    // schema (to print it, say) opens no database.
    client: () => getDb().prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "error",
  },
});

builder.queryType({});
builder.addScalarType("DateTime", DateTimeResolver);
builder.addScalarType("Date", IsoDateResolver);
