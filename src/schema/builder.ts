// Pothos builder: configuration only. Types live in one file each next to this one.
import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import PrismaUtilsPlugin from "@pothos/plugin-prisma-utils";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { GraphQLError } from "graphql";
import { DateTimeResolver, JSONResolver } from "graphql-scalars";
import { getDb } from "../db/client.ts";
import type PrismaTypes from "../generated/pothos-types.ts";
import { getDatamodel } from "../generated/pothos-types.ts";
import type { ApiScope, Context } from "./context.ts";
import { IsoDateResolver } from "./iso-date-scalar.ts";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export type Types = PothosSchemaTypes.ExtendDefaultTypes<SchemaTypes>;

interface SchemaTypes {
  Context: Context;
  AuthScopes: Record<ApiScope, boolean>;
  // Fields are non-null unless they say nullable: the contract promises Span!, FuzzyDate! …
  DefaultFieldNullability: false;
  // Relation queries may await: a `search` filter looks up matching ids before the query runs.
  AsyncSelections: true;
  PrismaTypes: PrismaTypes;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string | number };
  };
}

export const builder = new SchemaBuilder<SchemaTypes>({
  defaultFieldNullability: false,
  // Relay first so auth sees decoded global ids; scope-auth before the plugins that wrap resolvers.
  plugins: [RelayPlugin, ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, PrismaUtilsPlugin],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (context) => {
      const has = (scope: ApiScope) => context.caller?.scopes.includes(scope) ?? false;
      return {
        read: !context.readRequiresKey || context.caller !== null,
        write: has("write") || has("admin"),
        admin: has("admin"),
      };
    },
    // No key at all is UNAUTHENTICATED; a key without the scope is FORBIDDEN.
    unauthorizedError: (_parent, context, info) =>
      context.caller === null
        ? new GraphQLError(`${info.fieldName} needs an API key: send Authorization: Bearer <key>`, {
            extensions: { code: "UNAUTHENTICATED" },
          })
        : new GraphQLError(`${info.fieldName}: this API key lacks the scope it needs`, {
            extensions: { code: "FORBIDDEN" },
          }),
  },
  errors: {
    defaultTypes: [],
    // createDocument returns CreateDocumentResult = CreateDocumentPayload | ValidationError | …
    directResult: true,
    defaultUnionOptions: {
      name: ({ fieldName }) => `${fieldName[0]?.toUpperCase()}${fieldName.slice(1)}Result`,
    },
  },
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
    // A resolver that forgets to spread Pothos' query is a bug the tests should catch.
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "error",
  },
});

builder.queryType({ authScopes: { read: true } });
builder.mutationType({});
builder.addScalarType("DateTime", DateTimeResolver);
builder.addScalarType("Date", IsoDateResolver);
builder.addScalarType("JSON", JSONResolver);
