// Persisted operations: documents known in advance, sent by id instead of text.
//
// PERSISTED_OPERATIONS_FILE (default `persisted-operations.json`, relative to the working
// directory) maps ids to documents, the shape GraphQL Codegen's client preset writes with
// `persistedDocuments: true` (its `persisted-documents.json`) and Apollo's persisted-query
// tooling reads:
//
//   { "<sha256 hex>": "query DocumentTitles { documents { edges { node { title } } } }", … }
//
// An Apollo persisted query manifest (`{ "format": "apollo-persisted-query-manifest",
// "version": 1, "operations": [{ "id", "body", … }] }`) is read too. Ids are opaque to the
// server (codegen's default hash is sha1, `hashAlgorithm: "sha256"` is recommended); a 64-digit
// hex id also answers as `sha256:<hex>`, the GraphQL-over-HTTP form.
//
// A request names its operation by `extensions.persistedQuery.sha256Hash` (Apollo) or by
// `documentId` (in the JSON body or, for GET, the query string), with `variables` and
// `operationName` as usual. With PERSISTED_ONLY=1 nothing else runs: a request with a `query`
// is refused (PERSISTED_QUERY_REQUIRED), as is an unknown id (PERSISTED_QUERY_NOT_FOUND). Without
// it, the listed ids work when the file exists, and any query runs as before.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import { GraphQLError, parse } from "graphql";
import type { GraphQLParams, Plugin } from "graphql-yoga";
import type { Config } from "../config.ts";

export class PersistedOperationsError extends Error {
  override name = "PersistedOperationsError";
}

export interface PersistedOperations {
  /** The file they came from, absolute. */
  file: string;
  /** Id → document. */
  documents: ReadonlyMap<string, string>;
}

/**
 * Reads PERSISTED_OPERATIONS_FILE. Returns null when the file does not exist and PERSISTED_ONLY
 * is off; throws PersistedOperationsError, with a one-line message, when PERSISTED_ONLY=1 and
 * the file is missing or lists nothing, and whenever the file is not a valid list (bad JSON, a
 * value that is not a string, a document that does not parse). main.ts calls it at start so a
 * broken allow-list stops the server before it listens.
 */
export function loadPersistedOperations(
  config: Pick<Config, "PERSISTED_ONLY" | "PERSISTED_OPERATIONS_FILE">,
): PersistedOperations | null {
  const file = resolve(config.PERSISTED_OPERATIONS_FILE);
  const where = `PERSISTED_OPERATIONS_FILE ${file}`;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !config.PERSISTED_ONLY) return null;
    const reason = code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? error})`;
    throw new PersistedOperationsError(
      `${where} ${reason}${config.PERSISTED_ONLY ? ", and PERSISTED_ONLY=1 needs it" : ""}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PersistedOperationsError(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  const documents = parsePersistedOperations(json, where);
  if (documents.size === 0 && config.PERSISTED_ONLY) {
    throw new PersistedOperationsError(`${where} lists no operations, and PERSISTED_ONLY=1`);
  }
  return { file, documents };
}

const SHAPE =
  'must map ids to documents ({ "<sha256 hex>": "query …" }) or be an Apollo persisted query manifest';

/** Id → document from either accepted shape; throws PersistedOperationsError naming the entry. */
export function parsePersistedOperations(json: unknown, where: string): Map<string, string> {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new PersistedOperationsError(`${where} ${SHAPE}`);
  }
  const record = json as Record<string, unknown>;
  let entries: [string, unknown][];
  if (record.format === "apollo-persisted-query-manifest") {
    if (!Array.isArray(record.operations)) {
      throw new PersistedOperationsError(`${where}: "operations" must be a list`);
    }
    entries = record.operations.map((operation, index) => {
      const { id, body } = (operation ?? {}) as { id?: unknown; body?: unknown };
      if (typeof id !== "string") {
        throw new PersistedOperationsError(`${where}: operations[${index}] has no string "id"`);
      }
      return [id, body];
    });
  } else {
    entries = Object.entries(record);
  }
  const documents = new Map<string, string>();
  for (const [id, document] of entries) {
    const label = `${where}: entry "${id.length > 80 ? `${id.slice(0, 80)}…` : id}"`;
    if (id.trim() === "" || /\s/.test(id)) {
      throw new PersistedOperationsError(`${label}: an id must be non-empty, without spaces`);
    }
    if (typeof document !== "string") {
      throw new PersistedOperationsError(`${label}: the document must be a string`);
    }
    try {
      parse(document);
    } catch (error) {
      throw new PersistedOperationsError(`${label}: ${(error as Error).message.split("\n")[0]}`);
    }
    for (const key of idForms(id)) documents.set(key, document);
  }
  return documents;
}

/** A sha256 id answers with or without its `sha256:` prefix, in either case of hex digits. */
function idForms(id: string): string[] {
  const hex = /^(?:sha256:)?([0-9a-f]{64})$/i.exec(id)?.[1]?.toLowerCase();
  return hex ? [hex, `sha256:${hex}`] : [id];
}

/** The id a request names: Apollo's extensions.persistedQuery.sha256Hash, or documentId. */
export function persistedOperationId(params: GraphQLParams, request: Request): string | null {
  const persistedQuery = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } })
    ?.persistedQuery;
  if (typeof persistedQuery?.sha256Hash === "string") return persistedQuery.sha256Hash;
  const documentId = (params as { documentId?: unknown }).documentId;
  if (typeof documentId === "string") return documentId;
  if (request.method === "GET") return new URL(request.url).searchParams.get("documentId");
  return null;
}

const HOW = "send extensions.persistedQuery.sha256Hash or documentId";

/** Yoga's persisted-operations plugin over a loaded list. */
export function usePersistedOperationsFile(
  operations: PersistedOperations,
  options: { only: boolean },
): Plugin {
  const lookup = (id: string) => {
    for (const key of idForms(id)) {
      const document = operations.documents.get(key);
      if (document !== undefined) return document;
    }
    return null;
  };
  return usePersistedOperations({
    getPersistedOperation: lookup,
    allowArbitraryOperations: !options.only,
    extractPersistedOperationId: persistedOperationId,
    customErrors: {
      persistedQueryOnly: () =>
        new GraphQLError(
          `Only persisted operations run on this server (PERSISTED_ONLY=1): ${HOW} of a listed operation instead of a query`,
          { extensions: { code: "PERSISTED_QUERY_REQUIRED", http: { status: 400 } } },
        ),
      keyNotFound: () =>
        new GraphQLError(`Send a query, or the id of a persisted operation: ${HOW}`, {
          extensions: { code: "PERSISTED_QUERY_REQUIRED", http: { status: 400 } },
        }),
      // The code Apollo Client's persisted-query link reacts to (it then sends the query).
      notFound: (payload) => {
        const id = persistedOperationId(payload.params, payload.request);
        return new GraphQLError(`No persisted operation has the id "${String(id).slice(0, 80)}"`, {
          extensions: { code: "PERSISTED_QUERY_NOT_FOUND" },
        });
      },
    },
  }) as Plugin;
}
