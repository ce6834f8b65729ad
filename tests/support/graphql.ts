import { yoga } from "../../src/yoga.ts";

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  /** The response's `extensions`, e.g. `sql` from a server created with `sqlTrace: true`. */
  extensions?: Record<string, any>;
}

/** Runs an operation through the real HTTP handler, without opening a port. */
export async function graphql<T = any>(
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  return graphqlOn(yoga, query, variables);
}

/** graphql() on another server, e.g. one from createServer({ sqlTrace: true }). */
export async function graphqlOn<T = any>(
  server: { fetch: typeof yoga.fetch },
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const response = await server.fetch("http://yoga/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...(await response.json()) };
}

/** Like graphql(), but fails the test on any error and returns data. */
export async function query<T = any>(
  source: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const result = await graphql<T>(source, variables);
  if (result.errors?.length || result.status !== 200) {
    throw new Error(`GraphQL failed (${result.status}): ${JSON.stringify(result.errors)}`);
  }
  return result.data as T;
}
