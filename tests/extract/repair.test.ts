import { describe, expect, it } from "vitest";
import type { Annotation } from "../../src/domain/annotation-format.ts";
import { dropInvalidItems } from "../../src/extract/repair.ts";

const body = "Russia and Ukraine held talks in Istanbul on May 3. Russia said the talks went well.";
const at = (text: string, from = 0) => {
  const start = body.indexOf(text, from);
  return { start, end: start + text.length, text };
};
const day = (iso: string) => ({
  text: "May 3",
  start: iso,
  end: iso,
  precision: "DAY" as const,
  yearInferred: true,
});

function annotation(): Annotation {
  return {
    actors: [
      { name: "Russia", kind: "COUNTRY", aliases: [], description: null, mentions: [at("Russia")] },
      {
        name: "Ukraine",
        kind: "COUNTRY",
        aliases: [],
        description: null,
        mentions: [at("Ukraine")],
      },
    ],
    events: [
      {
        slug: "talks",
        title: "talks",
        kind: "NEGOTIATION",
        status: "OCCURRED",
        description: null,
        location: "Istanbul",
        date: day("2025-05-03"),
        participants: [
          { actor: "Russia", role: "negotiator" },
          { actor: "Ukraine", role: "negotiator" },
        ],
        mentions: [at("talks")],
        related: [],
      },
    ],
    claims: [
      {
        text: "Russia said the talks went well.",
        quote: null,
        kind: "STATEMENT",
        claimant: "Russia",
        subjects: [],
        statedAt: null,
        span: at("Russia said the talks went well."),
        event: "talks",
      },
    ],
  };
}

describe("dropInvalidItems", () => {
  it("returns a valid annotation unchanged, without warnings", () => {
    const valid = annotation();
    expect(dropInvalidItems(body, valid)).toEqual({ annotation: valid, warnings: [] });
  });

  it("leaves out an event the checks refuse and clears the claims' links to it", () => {
    const broken = annotation();
    const event = broken.events[0];
    if (event) event.date = { ...day("2025-05-03"), end: "2025-05-04" }; // DAY spanning two days
    const { annotation: repaired, warnings } = dropInvalidItems(body, broken);
    expect(repaired.events).toEqual([]);
    expect(repaired.claims).toHaveLength(1);
    expect(repaired.claims[0]?.event).toBeNull();
    expect(warnings).toEqual([
      'extraction left out event "talks": precision DAY needs start equal to end',
    ]);
  });

  it("leaves out only the mention whose span does not match the body", () => {
    const broken = annotation();
    broken.actors[1]?.mentions.push({ start: 0, end: 6, text: "Ukrain" });
    const { annotation: repaired, warnings } = dropInvalidItems(body, broken);
    expect(repaired.actors[1]?.mentions).toEqual([at("Ukraine")]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^extraction left out actor "Ukraine": /);
  });

  it("removes an alias another actor owns, keeping both actors", () => {
    const broken = annotation();
    const ukraine = broken.actors[1];
    if (ukraine) ukraine.aliases = ["Kyiv", "Russia"];
    const { annotation: repaired } = dropInvalidItems(body, broken);
    expect(repaired.actors.map((a) => a.name)).toEqual(["Russia", "Ukraine"]);
    expect(repaired.actors[1]?.aliases).toEqual(["Kyiv"]);
  });

  it("drops an actor whose name another actor owns, with its claims and participations", () => {
    const broken = annotation();
    const russia = broken.actors[0];
    if (russia) russia.aliases = ["Ukraine"];
    const { annotation: repaired } = dropInvalidItems(body, broken);
    expect(repaired.actors.map((a) => a.name)).toEqual(["Russia"]);
    expect(repaired.events[0]?.participants.map((p) => p.actor)).toEqual(["Russia"]);
  });
});
