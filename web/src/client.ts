// The GraphQL client: urql with graphcache, a normalized cache keyed by the Relay global ids
// (every Node has `id`), so an actor seen in the library, an article and the network is one
// cached object. Types without an id are embedded in their parent.
import { cacheExchange } from "@urql/exchange-graphcache";
import { Client, fetchExchange, mapExchange } from "urql";
import cacheSchema from "./generated/cache-schema.json";

// Types without an id are kept inside their parent (the list comes from the schema).
const keys = Object.fromEntries(cacheSchema.embeddedTypes.map((name) => [name, () => null]));

/**
 * True when the server only runs persisted operations (PERSISTED_ONLY=1): it says so in the
 * page it serves. Then the page sends each operation's sha256 id instead of its text.
 */
function persistedOnly(): boolean {
  return (
    document.querySelector('meta[name="newsgraph-persisted-only"]')?.getAttribute("content") === "1"
  );
}

interface HashedDocument {
  __meta__?: { hash?: string };
}

export function createClient(): Client {
  const exchanges = [cacheExchange({ keys, possibleTypes: cacheSchema.possibleTypes })];
  if (persistedOnly()) {
    // urql sends an operation that carries persistedQuery without its text: by id only.
    exchanges.push(
      mapExchange({
        onOperation(operation) {
          const hash = (operation.query as HashedDocument).__meta__?.hash;
          if (!hash) return operation;
          return {
            ...operation,
            extensions: {
              ...operation.extensions,
              persistedQuery: { version: 1, sha256Hash: hash },
            },
          };
        },
      }),
    );
  }
  return new Client({
    url: "/graphql",
    preferGetMethod: false,
    exchanges: [...exchanges, fetchExchange],
  });
}
