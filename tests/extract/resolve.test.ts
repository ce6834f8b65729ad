import { describe, expect, it } from "vitest";
import { findMentions } from "../../src/extract/mentions.ts";
import { resolveActors } from "../../src/extract/resolve.ts";
import { analyse } from "../../src/extract/tokens.ts";
import type { KnownActor } from "../../src/extract/types.ts";

const resolve = (body: string, known: KnownActor[] = []) =>
  resolveActors(findMentions(analyse(body)), known);

describe("actor resolution", () => {
  const body =
    "Kremlin spokesman Dmitry Peskov said the Russian Ministry of Defense would report. " +
    "Peskov added that Moscow was ready. The Ministry of Defense confirmed it, and the ministry " +
    "said Russia expects clarity.";
  const actors = resolve(body);
  const byName = (name: string) => actors.find((a) => a.name === name);

  it("join a family name to the person named in full", () => {
    expect(byName("Dmitry Peskov")?.aliases).toContain("Peskov");
    expect(byName("Dmitry Peskov")?.mentions.map((m) => m.text)).toEqual([
      "Dmitry Peskov",
      "Peskov",
    ]);
  });

  it("join a capital to its state", () => {
    expect(byName("Russia")?.aliases).toContain("Moscow");
  });

  it("join an organization with and without its state, and a description of it", () => {
    const ministry = byName("Russian Ministry of Defense");
    expect(ministry?.kind).toBe("GOVERNMENT");
    expect(ministry?.aliases).toContain("Ministry of Defense");
    expect(ministry?.mentions.map((m) => m.text)).toContain("the ministry");
  });

  it("never give one alias to two actors", () => {
    const seen = new Set<string>();
    for (const a of actors)
      for (const form of [a.name, ...a.aliases]) {
        expect(seen.has(form.toLowerCase())).toBe(false);
        seen.add(form.toLowerCase());
      }
  });

  it("use a known actor's canonical name and kind", () => {
    const known = resolve("Peskov said the talks would go on. Peskov repeated it.", [
      { name: "Dmitry Peskov", kind: "PERSON", aliases: ["Peskov", "Kremlin spokesman"] },
    ]);
    expect(known.map((a) => a.name)).toContain("Dmitry Peskov");
  });

  it("give each actor a confidence between 0 and 1", () => {
    for (const a of actors) {
      expect(a.confidence).toBeGreaterThan(0);
      expect(a.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("join 'the soldiers' to the group named before, and never make it an actor alone", () => {
    const groups = resolve(
      "Russian soldiers returned from captivity on Friday. The soldiers are in Belarus. " +
        "The officials said nothing.",
    );
    const soldiers = groups.find((a) => a.name === "Russian soldiers");
    expect(soldiers?.mentions.map((m) => m.text)).toEqual(["Russian soldiers", "The soldiers"]);
    expect(groups.map((a) => a.name.toLowerCase())).not.toContain("the officials");
    expect(groups.map((a) => a.name.toLowerCase())).not.toContain("officials");
  });

  it("resolve 'the Secretary' by the person's own title, not by titles nearby", () => {
    const found = resolve(
      "Secretary of Defense Lloyd J. Austin III spoke with Israeli Minister of Defense Israel " +
        "Katz today. Secretary Austin congratulated Minister Katz. The Secretary reiterated " +
        "support. Operation Prosperity Guardian continues.",
    );
    const katz = found.find((a) => a.name === "Israel Katz");
    expect(katz?.aliases).toContain("Katz");
    const austin = found.find((a) => a.name === "Lloyd J. Austin III");
    expect(austin?.mentions.map((m) => m.text)).toContain("The Secretary");
    expect(found.map((a) => a.name)).not.toContain("Guardian");
  });

  it("keep the vice president apart from 'the president', and a lone head with its body", () => {
    const found = resolve(
      "President Donald Trump spoke. The Vice President, Mike Pence, agreed. Later the " +
        "president left. Queen Elizabeth II suspended the Parliament of the United Kingdom. " +
        "Weeks later Parliament returned, and Johnson's government said the Queen was informed.",
    );
    const trump = found.find((a) => a.name === "Donald Trump");
    expect(trump?.mentions.map((m) => m.text)).toContain("the president");
    const pence = found.find((a) => a.name === "Mike Pence");
    expect(pence?.mentions.map((m) => m.text)).not.toContain("the president");
    const parliament = found.find((a) => a.name === "Parliament of the United Kingdom");
    expect(parliament?.mentions.map((m) => m.text)).toContain("Parliament");
    const queen = found.find((a) => a.name === "Queen Elizabeth II");
    expect(queen?.mentions.map((m) => m.text)).toContain("the Queen");
    expect(found.find((a) => a.name === "Johnson's government")?.kind).toBe("GOVERNMENT");
  });

  it("join 'the country' to the state the text is about, not to a neighbour named last", () => {
    const found = resolve(
      "Tunisia banned face veils on Friday. Tunisia said the ban was temporary. Algeria " +
        "has no such ban. Officials said the Latin-style country would review it, and " +
        '"this country will stay safe", Chahed said.',
    );
    const tunisia = found.find((a) => a.name === "Tunisia");
    expect(tunisia?.mentions.map((m) => m.text)).toContain("this country");
    expect(found.find((a) => a.name === "Algeria")?.mentions).toHaveLength(1);
    expect(found.map((a) => a.name.toLowerCase())).not.toContain("this country");
  });

  it("never make 'the country' an actor when no state is named before it", () => {
    const found = resolve("The country will vote on Sunday, officials said.");
    expect(found.map((a) => a.kind)).not.toContain("COUNTRY");
  });

  it("join a title description to the person named beside it or with that title", () => {
    const found = resolve(
      "Jane Roe, the Speaker of the Assembly, said on Friday no. The Deputy Minister, John " +
        "Doe, agreed. According to the Riverton mayor, Ann Poe, police were investigating. " +
        "Chief Executive Mary Loe spoke. Critics of the chief executive said " +
        "the mayor was silent.",
    );
    const mentionsOf = (name: string) =>
      found.find((a) => a.name === name)?.mentions.map((m) => m.text);
    expect(mentionsOf("Jane Roe")).toContain("the Speaker");
    expect(mentionsOf("John Doe")).toContain("The Deputy Minister");
    expect(mentionsOf("Ann Poe")).toEqual(["the Riverton mayor", "Ann Poe", "the mayor"]);
    expect(mentionsOf("Mary Loe")).toContain("the chief executive");
    expect(found.map((a) => a.name.toLowerCase())).not.toContain("the speaker");
  });

  it("join a titled name to the fuller titled name it opens", () => {
    const found = resolve(
      "The party nominated Princess Sirana Valdek on Friday. Princess Sirana thanked them.",
    );
    const princess = found.find((a) => a.kind === "PERSON");
    expect(found.filter((a) => a.kind === "PERSON")).toHaveLength(1);
    expect(princess?.mentions).toHaveLength(2);
  });

  it("join the descriptions of an attacker to each other and to the person they name", () => {
    const found = resolve(
      "A gunman opened fire at a market in Riverton on Sunday. Police said the suspected " +
        "gunman surrendered. Officials identified the suspect as 30-year-old Jon Tarvel. " +
        "Prosecutors charged the suspect with murder, Mayor Ann Poe said.",
    );
    const tarvel = found.find((a) => a.name === "Jon Tarvel");
    expect(tarvel?.mentions.map((m) => m.text)).toEqual([
      "A gunman",
      "the suspected gunman",
      "the suspect",
      "Jon Tarvel",
      "the suspect",
    ]);
    const unnamed = resolve("A suicide bomber struck on Friday. The attacker wore a vest.");
    expect(unnamed.find((a) => a.kind === "PERSON")?.mentions).toHaveLength(2);
  });

  it("join a body's short names: its head alone, a lone House, words of a committee's name", () => {
    const found = resolve(
      "The United States House of Representatives voted after the House Oversight and " +
        "Reform Committee met. Then the House adjourned, and the Oversight Committee said " +
        "so. Critics said the Ruritanian parliament would meet; Parliament did not.",
    );
    const mentionsOf = (name: string) =>
      found.find((a) => a.name === name)?.mentions.map((m) => m.text);
    expect(mentionsOf("United States House of Representatives")).toContain("House");
    expect(mentionsOf("House Oversight and Reform Committee")).toContain("Oversight Committee");
    expect(found.filter((a) => /parliament/iu.test(a.name))).toHaveLength(1);
  });

  it("join 'the central government' and 'Federal authorities' to the state's executive", () => {
    const found = resolve(
      "Hotak said the Afghan government was slow. He said the central government hid the " +
        "toll. Federal authorities said nothing.",
    );
    const afghan = found.find((a) => a.name === "Afghan government");
    expect(afghan?.mentions.map((m) => m.text)).toEqual([
      "Afghan government",
      "the central government",
      "Federal authorities",
    ]);
    const alone = resolve("Federal authorities are investigating the attack.");
    expect(alone.map((a) => a.name)).toContain("Federal authorities");
  });

  it("join 'the party', 'the airline' to the body whose name ends with that noun", () => {
    const found = resolve(
      "Germany banned Zarek Air on Monday. The airline denied it. The Verdant Unity Party " +
        "said the party would appeal, and the Crime Data Archive said the archive agreed.",
    );
    const mentionsOf = (name: string) =>
      found.find((a) => a.name === name)?.mentions.map((m) => m.text);
    expect(mentionsOf("Zarek Air")).toContain("The airline");
    expect(mentionsOf("Verdant Unity Party")).toContain("the party");
    expect(mentionsOf("Crime Data Archive")).toContain("the archive");
    const none = resolve("The party said on Monday it would appeal.");
    expect(none).toHaveLength(0);
  });
});

describe("state names", () => {
  it("name a state by the full name the text gives it, an abbreviation aside", () => {
    const names = resolve(
      "East Timor said on Monday that it would hold talks. The U.S. welcomed the move.",
    ).map((a) => a.name);
    expect(names).toContain("East Timor");
    expect(names).toContain("United States");
  });

  it("join a lower-case 'legislature' to the parliament named before it", () => {
    const actors = resolve(
      "The Parliament of Ghana voted on Monday. Critics said the legislature acted too fast.",
    );
    const parliament = actors.find((a) => a.name === "Parliament of Ghana");
    expect(parliament?.mentions.map((m) => m.text)).toContain("the legislature");
  });
});
