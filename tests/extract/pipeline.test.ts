import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkAnnotation } from "../../src/domain/annotation-checks.ts";
import { annotationContentSchema } from "../../src/domain/annotation-format.ts";
import { ExtractInputError, extractAnnotation } from "../../src/extract/index.ts";

const seedBody = readFileSync("seeds/000_c259099762e85b88.txt", "utf8");

describe("extractAnnotation", () => {
  const result = extractAnnotation(seedBody, { publishedAt: "2025-07-06" });

  it("produce an annotation that passes the format and the checks against the body", () => {
    expect(annotationContentSchema.safeParse(result.annotation).success).toBe(true);
    expect(checkAnnotation(seedBody, result.annotation)).toEqual([]);
    expect(result.language).toBe("eng");
    expect(result.annotation.actors.length).toBeGreaterThan(5);
    expect(result.annotation.claims.length).toBeGreaterThan(10);
    expect(result.annotation.events.length).toBeGreaterThan(3);
  });

  it("give every actor, claim and event a confidence in [0, 1]", () => {
    const items = [
      ...result.annotation.actors,
      ...result.annotation.claims,
      ...result.annotation.events,
    ];
    for (const item of items) {
      expect(item.confidence).toBeGreaterThan(0);
      expect(item.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("be deterministic", () => {
    expect(extractAnnotation(seedBody, { publishedAt: "2025-07-06" })).toEqual(result);
  });

  it("find the seed's speakers and resolve their aliases", () => {
    const peskov = result.annotation.actors.find((a) => a.name === "Dmitry Peskov");
    expect(peskov?.aliases).toContain("Peskov");
    const russia = result.annotation.actors.find((a) => a.name === "Russia");
    expect(russia?.aliases).toContain("Moscow");
    expect(result.annotation.claims.filter((c) => c.claimant === "Dmitry Peskov").length).toBe(2);
  });

  it("return no annotation and a warning for text in another language", () => {
    const french =
      "Le ministère des Affaires étrangères a déclaré lundi que les négociations reprendraient " +
      "la semaine prochaine à Genève, selon des responsables qui ont parlé aux journalistes. " +
      "Les deux délégations ont accepté d'échanger davantage de prisonniers avant la fin du mois.";
    const other = extractAnnotation(french, { publishedAt: "2025-07-06" });
    expect(other.language).toBe("fra");
    expect(other.annotation).toEqual({ actors: [], events: [], claims: [] });
    expect(other.warnings[0]).toContain("not English");
  });

  it("refuse HTML with an input error", () => {
    expect(() => extractAnnotation("<div>Hello</div>")).toThrow(ExtractInputError);
  });

  it("use the caller's known actors", () => {
    const known = extractAnnotation(
      "Peskov said the talks would go on. Peskov repeated it later.",
      {
        publishedAt: "2025-07-06",
        knownActors: [{ name: "Dmitry Peskov", kind: "PERSON", aliases: ["Peskov"] }],
      },
    );
    expect(known.annotation.claims[0]?.claimant).toBe("Dmitry Peskov");
  });
});
