import { GraphQLError } from "graphql";
import { createSchema, createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { type UnexpectedErrorLog, useUnexpectedErrors } from "../src/plugins/unexpected-errors.ts";

describe("unexpected errors", () => {
  const logged: UnexpectedErrorLog[] = [];
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: "type Query { broken: String, refused: String }",
      resolvers: {
        Query: {
          broken: () => {
            throw new Error("connection to 10.0.0.5 refused: password=hunter2");
          },
          refused: () => {
            throw new GraphQLError("you may not", { extensions: { code: "FORBIDDEN" } });
          },
        },
      },
    }),
    context: () => ({ requestId: "req-42" }),
    plugins: [useUnexpectedErrors((entry) => logged.push(entry))],
  });

  it("are masked for the client, with the request id, and logged in full under that id", async () => {
    const response = await yoga.fetch("http://yoga/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ broken refused }" }),
    });
    const body = await response.json();
    const text = JSON.stringify(body);
    expect(text).not.toContain("hunter2");
    const broken = body.errors.find((e: any) => e.path[0] === "broken");
    expect(broken).toMatchObject({
      message: "Unexpected error.",
      extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-42" },
    });
    const refused = body.errors.find((e: any) => e.path[0] === "refused");
    expect(refused).toMatchObject({ message: "you may not", extensions: { code: "FORBIDDEN" } });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ requestId: "req-42", path: ["broken"] });
    expect(String(logged[0]?.error)).toContain("hunter2");
  });
});
