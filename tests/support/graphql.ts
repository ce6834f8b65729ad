import { expect } from "vitest";
import { yoga } from "../../src/yoga.ts";

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  /** The response's `extensions`, e.g. `sql` from a server created with `sqlTrace: true`. */
  extensions?: Record<string, any>;
}

export interface RequestOptions {
  /** An API key: sent as `Authorization: Bearer <token>` (see tests/support/api-keys.ts). */
  token?: string;
  /** Extra request headers, e.g. a raw `authorization` to test malformed ones. */
  headers?: Record<string, string>;
}

/** Runs an operation through the real HTTP handler, without opening a port. */
export async function graphql<T = any>(
  query: string,
  variables?: Record<string, unknown>,
  options?: RequestOptions,
): Promise<GraphQLResponse<T>> {
  return graphqlOn(yoga, query, variables, options);
}

/** graphql() on another server, e.g. one from createServer({ sqlTrace: true }). */
export async function graphqlOn<T = any>(
  server: { fetch: typeof yoga.fetch },
  query: string,
  variables?: Record<string, unknown>,
  options: RequestOptions = {},
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json",
    ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
    ...options.headers,
  };
  const response = await server.fetch("http://yoga/graphql", {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...(await response.json()) };
}

/** Like graphql(), but fails the test on any error and returns data. */
export async function query<T = any>(
  source: string,
  variables?: Record<string, unknown>,
  options?: RequestOptions,
): Promise<T> {
  const result = await graphql<T>(source, variables, options);
  if (result.errors?.length || result.status !== 200) {
    throw new Error(`GraphQL failed (${result.status}): ${JSON.stringify(result.errors)}`);
  }
  return result.data as T;
}

/** Runs a mutation given one `input`, expects no GraphQL errors, and returns its root field. */
export async function mutate(
  source: string,
  input: unknown,
  options: RequestOptions = {},
  server: { fetch: typeof yoga.fetch } = yoga,
): Promise<any> {
  const result = await graphqlOn(server, source, { input }, options);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return Object.values(result.data as object)[0];
}
