import { describe, expect, it } from "vitest";
import { describedActors } from "../../src/extract/described.ts";
import { analyse } from "../../src/extract/tokens.ts";

const describedIn = (body: string) =>
  describedActors(analyse(body), []).map((m) => ({ text: m.text, kind: m.kind }));

describe("described actors", () => {
  it("finds collectives that act or speak, with their modifiers", () => {
    const found = describedIn(
      "Local residents said the river rose overnight. Regional prosecutors will appeal, " +
        "according to officials.",
    );
    expect(found).toContainEqual({ text: "Local residents", kind: "GROUP" });
    expect(found).toContainEqual({ text: "Regional prosecutors", kind: "GOVERNMENT" });
    expect(found).toContainEqual({ text: "officials", kind: "GOVERNMENT" });
  });

  it("leaves out collectives that are only acted on or are objects", () => {
    const found = describedIn(
      "Officials are removed from office by a vote. The company thanked its workers, citing " +
        "costs.",
    );
    expect(found).toEqual([]);
  });

  it("reads the source after 'citing' and a speaking spokesperson", () => {
    const found = describedIn(
      "The paper, citing unnamed sources, said talks had stalled. A spokesperson told reporters " +
        "nothing had changed.",
    );
    expect(found).toContainEqual({ text: "unnamed sources", kind: "GROUP" });
    expect(found).toContainEqual({ text: "A spokesperson", kind: "PERSON" });
  });

  it("reads news sources as media and a relative clause's subject as acting", () => {
    const found = describedIn("Seats went to opposition candidates, who won. News sources agreed.");
    expect(found).toContainEqual({ text: "opposition candidates", kind: "GROUP" });
    expect(found).toContainEqual({ text: "News sources", kind: "MEDIA" });
  });

  it("reads a state body named by its common noun, without the owner", () => {
    const found = describedIn(
      "The palace issued a statement. The country's election commission will meet. The bill " +
        "was dismissed by the senate.",
    );
    expect(found).toContainEqual({ text: "The palace", kind: "GOVERNMENT" });
    expect(found).toContainEqual({ text: "election commission", kind: "GOVERNMENT" });
    expect(found).toContainEqual({ text: "the senate", kind: "GOVERNMENT" });
  });

  it("leaves out a body's seat and a body used as a modifier", () => {
    const found = describedIn("He waited outside the palace. The court ruling stands.");
    expect(found).toEqual([]);
  });

  it("reads the agent after a passive 'by' and the side after 'against'", () => {
    const found = describedIn(
      "The strikes were carried out by sympathizers of the PMF. Police foiled plots against " +
        "dissidents.",
    );
    expect(found).toContainEqual({ text: "sympathizers", kind: "GROUP" });
    expect(found).toContainEqual({ text: "dissidents", kind: "GROUP" });
  });

  it("names a group with the proper name that qualifies it, unless that name modifies a noun", () => {
    const canonicals = describedActors(
      analyse(
        "Aid was blocked by civilians in Gaza. It was praised by supporters of the Shinawatra family.",
      ),
      [],
    ).map((m) => m.canonical);
    expect(canonicals).toEqual(["civilians in Gaza", null]);
  });

  it("leaves out the subject of a passive relative clause", () => {
    expect(describedIn("We mourn civilians who were killed in the violence.")).toEqual([]);
  });

  it("reads a people's adjective before the noun as naming the group, acting or not", () => {
    const found = describedIn("Talks must come with the disarmament of Tigrayan combatants.");
    expect(found).toContainEqual({ text: "Tigrayan combatants", kind: "GROUP" });
  });

  it("reads a place's body and a unit of the guard named by common nouns", () => {
    const found = describedIn(
      "A member of the Maidan Wardak provincial council spoke. We urge the presidential guard " +
        "to stand down, but the guard refused.",
    );
    expect(found).toContainEqual({
      text: "the Maidan Wardak provincial council",
      kind: "GOVERNMENT",
    });
    expect(found).toContainEqual({ text: "the presidential guard", kind: "ORGANIZATION" });
    expect(found).not.toContainEqual({ text: "the guard", kind: "ORGANIZATION" });
  });

  it("reads groups of bodies as a collective", () => {
    const found = describedIn("The paper, citing local paramilitary groups, said so.");
    expect(found).toContainEqual({ text: "local paramilitary groups", kind: "GROUP" });
  });
});
