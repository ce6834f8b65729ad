import { describe, expect, it } from "vitest";
import type { Annotation } from "../../src/domain/annotation-format.ts";
import { maximumMatching, prf, scoreArticle } from "../../src/extract/evaluate/score.ts";

// "Peskov said Moscow agreed. Kyiv said nothing." with offsets by hand.
const span = (start: number, text: string) => ({ start, end: start + text.length, text });
const date = {
  text: "June 2",
  start: "2025-06-02",
  end: "2025-06-02",
  precision: "DAY" as const,
  yearInferred: true,
};

const gold: Annotation = {
  actors: [
    {
      name: "Dmitry Peskov",
      kind: "PERSON",
      aliases: ["Peskov"],
      description: null,
      mentions: [span(0, "Peskov")],
    },
    {
      name: "Russia",
      kind: "COUNTRY",
      aliases: ["Moscow"],
      description: null,
      mentions: [span(12, "Moscow")],
    },
    {
      name: "Ukraine",
      kind: "COUNTRY",
      aliases: ["Kyiv"],
      description: null,
      mentions: [span(27, "Kyiv")],
    },
  ],
  events: [
    {
      slug: "talks",
      title: "Talks",
      kind: "NEGOTIATION",
      status: "OCCURRED",
      description: null,
      location: null,
      date,
      participants: [{ actor: "Russia", role: null }],
      mentions: [],
      related: [],
    },
  ],
  claims: [
    {
      text: "Moscow agreed",
      quote: null,
      kind: "STATEMENT",
      claimant: "Peskov",
      subjects: [],
      statedAt: null,
      span: span(0, "Peskov said Moscow agreed."),
      event: null,
    },
    {
      text: "Kyiv said nothing",
      quote: null,
      kind: "STATEMENT",
      claimant: "Kyiv",
      subjects: [],
      statedAt: null,
      span: span(27, "Kyiv said nothing."),
      event: null,
    },
  ],
};

const predicted: Annotation = {
  actors: [
    // Name is a gold alias, kind right: a match. Its mention joins Moscow wrongly (resolution).
    {
      name: "Peskov",
      kind: "PERSON",
      aliases: [],
      description: null,
      mentions: [span(0, "Peskov")],
    },
    {
      name: "Moscow",
      kind: "COUNTRY",
      aliases: ["Kyiv"],
      description: null,
      mentions: [span(12, "Moscow"), span(27, "Kyiv")],
    },
    // Wrong kind: not a match.
    { name: "Ukraine", kind: "GROUP", aliases: [], description: null, mentions: [] },
  ],
  events: [
    {
      slug: "a",
      title: "A",
      kind: "OTHER",
      status: "OCCURRED",
      description: null,
      location: null,
      date,
      participants: [{ actor: "Moscow", role: null }],
      mentions: [],
      related: [],
    },
    {
      slug: "b",
      title: "B",
      kind: "OTHER",
      status: "OCCURRED",
      description: null,
      location: null,
      date: { ...date, start: "2025-07-01", end: "2025-07-01" },
      participants: [{ actor: "Moscow", role: null }],
      mentions: [],
      related: [],
    },
  ],
  claims: [
    // Claimant "Peskov" resolves to gold "Dmitry Peskov"; the span overlaps: a match.
    {
      text: "x",
      quote: null,
      kind: "STATEMENT",
      claimant: "Peskov",
      subjects: [],
      statedAt: null,
      span: span(0, "Peskov said"),
      event: null,
    },
    // Claimant null, gold says Kyiv: no match.
    {
      text: "y",
      quote: null,
      kind: "FACTUAL",
      claimant: null,
      subjects: [],
      statedAt: null,
      span: span(27, "Kyiv said nothing."),
      event: null,
    },
  ],
};

describe("extraction scorer", () => {
  const score = scoreArticle(gold, predicted);

  it("match actors by gold name or alias and kind", () => {
    expect(score.actors).toEqual({ tp: 2, fp: 1, fn: 1 });
  });

  it("score resolution as pairwise clustering of the gold mentions", () => {
    // Gold: three singletons, no pairs. Predicted: Moscow and Kyiv together, one false pair.
    expect(score.resolution).toEqual({ tp: 0, fp: 1, fn: 0 });
  });

  it("match claims by resolved claimant and span overlap", () => {
    expect(score.claims).toEqual({ tp: 1, fp: 1, fn: 1 });
  });

  it("match events by overlapping dates and a shared participant", () => {
    expect(score.events).toEqual({ tp: 1, fp: 1, fn: 0 });
  });

  it("pair as many items as possible, not greedily in gold order", () => {
    // Gold 0 fits predictions 0 and 1, gold 1 only prediction 0: greedy pairs gold 0 with
    // prediction 0 and leaves gold 1 alone; two pairs exist.
    const fits = (g: number, p: number) => (g === 0 ? p <= 1 : p === 0);
    expect(maximumMatching(2, 2, fits)).toBe(2);
    expect(maximumMatching(2, 2, () => false)).toBe(0);
    expect(maximumMatching(3, 1, () => true)).toBe(1);
  });

  it("compute precision, recall and F1", () => {
    expect(prf({ tp: 1, fp: 1, fn: 1 })).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(prf({ tp: 0, fp: 0, fn: 0 }).f1).toBe(1);
  });
});
