// Generated files that are committed for clients and editors must match the code.
import { readFileSync } from "node:fs";
import { printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { annotationJsonSchema } from "../src/domain/annotation-json-schema.ts";
import { schema } from "../src/schema/index.ts";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

describe("committed generated files", () => {
  it("schema.graphql is current (run npm run schema:print)", () => {
    expect(read("../schema.graphql")).toBe(`${printSchema(schema)}\n`);
  });

  it("seeds/annotation.schema.json is current (run npm run schema:annotation)", () => {
    expect(JSON.parse(read("../seeds/annotation.schema.json"))).toEqual(annotationJsonSchema());
  });

  it("the public contract keeps its names", () => {
    const sdl = printSchema(schema);
    for (const field of [
      "node(id: ID!): Node",
      "nodes(ids: [ID!]!): [Node]!",
      "actor(name: String!): Actor",
      "document(slug: String!): Document",
    ]) {
      expect(sdl).toContain(field);
    }
    for (const type of ["Document", "Claim", "Actor", "Event"]) {
      expect(schema.getType(type)).toBeDefined();
    }
    const claim = schema.getType("Claim") as any;
    expect(Object.keys(claim.getFields())).toEqual(
      expect.arrayContaining([
        "id",
        "text",
        "quote",
        "kind",
        "claimant",
        "subjects",
        "statedAt",
        "span",
        "document",
        "event",
      ]),
    );
  });
});
