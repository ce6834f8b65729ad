import { describe, expect, it } from "vitest";
import { extractAnnotation } from "../../src/extract/index.ts";

// Hand-written wire-style prose (not from any fixture) for how dates, issuers and references
// attach to the right event.
const extract = (body: string, publishedAt = "2025-03-14") =>
  extractAnnotation(body, { publishedAt }).annotation;

describe("date attachment", () => {
  it("gives a date to the trigger nearest it, not to a statement later in the clause", () => {
    const { events } = extract(
      "Serbia and Kosovo agreed on Thursday to hold energy talks in Skopje next month, " +
        "the Swiss Foreign Ministry said in a statement.",
    );
    const talks = events.find((e) => e.title.toLowerCase().includes("talks"));
    expect(talks?.date.start).toBe("2025-04-01");
    expect(talks?.status).toBe("PLANNED");
    // "in a statement" is the medium of the saying, not a planned statement next month.
    expect(events.some((e) => e.kind === "STATEMENT" && e.status === "PLANNED")).toBe(false);
  });

  it("keeps a date for the event that a prepositional phrase names another event in", () => {
    const { events } = extract(
      "The grain deal reached during the Ankara talks on March 3 was welcomed by traders.",
    );
    const deal = events.find((e) => e.kind === "AGREEMENT");
    expect(deal?.date.start).toBe("2025-03-03");
  });

  it("keeps an event apart when a date inside its own noun phrase tells it apart", () => {
    const { events } = extract(
      "The envoys reviewed progress in the peace talks since their March 3 meeting with Peru.",
    );
    const meeting = events.find((e) => e.title.toLowerCase().includes("meeting"));
    const talks = events.find((e) => e.title.toLowerCase().includes("talks"));
    expect(meeting?.date.start).toBe("2025-03-03");
    expect(talks).toBeDefined();
    expect(talks).not.toBe(meeting);
    expect(talks?.date.start).toBeNull();
  });

  it("keeps a second event of one kind apart when its own date tells it apart", () => {
    const { events } = extract(
      "The attack on the port of Kismayo on Tuesday by al-Shabaab militants was the deadliest " +
        "since an assault on the airport in October 2022.",
    );
    const strikes = events.filter((e) => e.kind === "MILITARY_ACTION");
    expect(strikes.map((e) => e.date.start).sort()).toEqual(["2022-10-01", "2025-03-11"]);
  });

  it("does not give the clause's date before it to an event in a prepositional phrase", () => {
    const { events } = extract(
      "On Saturday, the Liberal Party withdrew its candidate in response to a statement from " +
        "Prime Minister Mette Frederiksen.",
    );
    const statement = events.find((e) => e.kind === "STATEMENT");
    expect(statement?.date.start).toBeNull();
    expect(events.find((e) => e.title === "Withdrew")?.date.start).toBe("2025-03-08");
  });

  it("dates an event named as the agent of a passive by the clause's date", () => {
    const { events } = extract(
      "On Tuesday, a fuel depot owned by Sonatrach was hit by a missile strike in the night.",
    );
    const strike = events.find((e) => e.kind === "MILITARY_ACTION");
    expect(strike?.date.start).toBe("2025-03-11");
  });

  it("leaves a date after an event in a prepositional phrase to that event", () => {
    const { events } = extract(
      "Greece and Egypt signed a maritime accord on Monday. In a press release issued the " +
        "following day, the Turkish Foreign Ministry rejected the accord.",
    );
    const accords = events.filter((e) => e.kind === "AGREEMENT");
    expect(accords.map((e) => e.date.start)).toEqual(["2025-03-10"]);
    // A press release is a statement (not a release of prisoners), and the ministry's saying
    // that day in the same sentence is that statement, not a second one.
    const statements = events.filter((e) => e.kind === "STATEMENT");
    expect(statements.map((e) => e.date.start)).toEqual(["2025-03-11"]);
    expect(events.some((e) => e.kind === "TRANSFER")).toBe(false);
  });

  it("does not resolve a relative date inside a quotation against publication", () => {
    const { events } = extract(
      "In her farewell speech on Monday, Prime Minister Ana Brnabić said, " +
        '"Today I resign because the people who elected me deserve better."',
    );
    expect(events.some((e) => e.date.start === "2025-03-14")).toBe(false);
  });

  it("dates an event by a year inside its noun phrase", () => {
    const { events } = extract("Families displaced since the 2008 war are still waiting.");
    const war = events.find((e) => e.kind === "MILITARY_ACTION");
    expect(war?.date.start).toBe("2008-01-01");
    expect(war?.date.precision).toBe("YEAR");
  });
});

describe("event phrases and coreference", () => {
  it("keeps a hyphenated modifier in the event's title", () => {
    const { events } = extract(
      "The deal followed a three-day summit in Nairobi between Kenyan President William Ruto " +
        "and Ethiopian Prime Minister Abiy Ahmed.",
    );
    expect(events.some((e) => e.title === "Three-day summit")).toBe(true);
  });

  it("does not join a planned, dated reference to a meeting that already happened", () => {
    const { events } = extract(
      "Nepalese Prime Minister Pushpa Kamal Dahal met Chinese Premier Li Qiang in Beijing. " +
        "According to officials familiar with the talks, a second round is expected in late May.",
    );
    const planned = events.find((e) => e.status === "PLANNED" && e.kind === "NEGOTIATION");
    const held = events.find((e) => e.status === "OCCURRED" && e.kind === "NEGOTIATION");
    expect(held).toBeDefined();
    expect(held?.date.text).not.toBe("late May");
    expect(planned?.date.precision).toBe("PART_OF_MONTH");
  });
});

describe("statement issuers by position", () => {
  it("takes the issuer as subject of an issuing verb or after 'by', not everyone named", () => {
    const { events } = extract(
      "The Chilean Foreign Ministry issued a statement on Monday about Peru and Bolivia. " +
        "Senator Ana Lopez attacked the declaration of independence by Catalan leader " +
        "Jordi Puigmont, which was made on Tuesday.",
    );
    const statement = events.find((e) => e.title.toLowerCase() === "statement");
    expect(statement?.participants.map((p) => p.actor)).toEqual(["Chilean Foreign Ministry"]);
    const declaration = events.find((e) => e.title.toLowerCase().startsWith("declaration"));
    expect(declaration?.participants.map((p) => p.actor)).not.toContain("Ana Lopez");
  });
});

describe("claim kinds", () => {
  it("reports a decision about the future as a statement, not a prediction", () => {
    const { claims } = extract(
      "Ghana and Togo agreed on Monday to reopen their border next month, the ECOWAS " +
        "Commission said.",
    );
    expect(claims[0]?.kind).toBe("STATEMENT");
  });
});

describe("actors named inside titles and possessives", () => {
  it("keeps the body named in a person's title as an actor of its own", () => {
    const { actors } = extract(
      "The talks were hosted by African Union Commission Chairperson Moussa Faki in Addis Ababa.",
    );
    const names = actors.map((a) => a.name);
    expect(names).toContain("Moussa Faki");
    expect(names).toContain("African Union Commission");
  });

  it("counts a leader's government as evidence that the surname names a person", () => {
    const { actors } = extract(
      "Thousands marched in Budapest on Saturday against Orbán's government.",
    );
    expect(actors.find((a) => a.name === "Orbán")?.kind).toBe("PERSON");
  });
});

describe("speakers in apposition and intended events", () => {
  it("takes a name set off by commas before the cue as the speaker, not a name after it", () => {
    const { claims } = extract(
      "The African Union's peace envoy, Olusegun Obasanjo, said the bloc would review " +
        "Ethiopia's request next week.",
    );
    expect(claims[0]?.claimant).toBe("Olusegun Obasanjo");
  });

  it("still inverts a trailing cue after a comma", () => {
    const { claims } = extract(
      "The talks ended without a deal, said the ministry's spokesman, Ivan Petrov.",
    );
    expect(claims[0]?.claimant).toBe("Ivan Petrov");
  });

  it("does not report a plotted or demanded event as having happened", () => {
    const { events } = extract(
      "Bolivian President Luis Arce accused army commanders of plotting a coup.",
    );
    const coup = events.find((e) => e.title.toLowerCase().includes("coup"));
    expect(coup?.status).toBe("PLANNED");
  });
});

describe("participants by position", () => {
  it("does not make the source named after an event, or a speaker about it, a party", () => {
    const { events } = extract(
      "Serbia and Kosovo agreed on Thursday to hold energy talks next month, the Swiss Foreign " +
        "Ministry said. Kosovo's chief negotiator, Besnik Bislimi, warned that the talks could " +
        "fail.",
    );
    const talks = events.find((e) => e.title.toLowerCase().includes("talks"));
    const names = talks?.participants.map((p) => p.actor) ?? [];
    expect(names).toEqual(expect.arrayContaining(["Serbia", "Kosovo"]));
    expect(names).not.toContain("Swiss Foreign Ministry");
    expect(names).not.toContain("Besnik Bislimi");
  });

  it("does not make who condemns, welcomes or discusses an event a party to it", () => {
    const { events } = extract(
      "Chile condemned the attacks by Peru on Bolivia. Argentina welcomed the ceasefire " +
        "between Peru and Bolivia on Monday.",
    );
    const attacks = events.find((e) => e.title.toLowerCase().includes("attacks"));
    expect(attacks?.participants.map((p) => p.actor)).not.toContain("Chile");
    const ceasefire = events.find((e) => e.kind === "AGREEMENT");
    const parties = ceasefire?.participants.map((p) => p.actor) ?? [];
    expect(parties).toEqual(expect.arrayContaining(["Peru", "Bolivia"]));
    expect(parties).not.toContain("Argentina");
  });

  it("does not add who discusses an event named before to its parties", () => {
    const { events } = extract(
      "Peru and Bolivia held border talks in La Paz on Monday. Chile discussed the talks with " +
        "Argentina.",
    );
    const talks = events.find((e) => e.kind === "NEGOTIATION");
    expect(talks?.mentions.map((m) => m.text)).toContain("the talks");
    expect(talks?.participants.map((p) => p.actor)).not.toContain("Chile");
  });

  it("keeps a speaker who says it took part itself", () => {
    const { events } = extract("Peru said on Monday that it had signed a ceasefire with Bolivia.");
    const ceasefire = events.find((e) => e.kind === "AGREEMENT");
    expect(ceasefire?.participants.map((p) => p.actor)).toContain("Peru");
  });
});

describe("statements inside other events", () => {
  it("does not make a party's saying during its own event that day a separate statement", () => {
    const { events } = extract(
      "Kenya's Supreme Court ruled on Monday against the decree, finding that it breached the " +
        "constitution. Raila Odinga met President William Ruto on Tuesday and said the talks " +
        "were useful.",
    );
    expect(events.filter((e) => e.kind === "STATEMENT")).toEqual([]);
    expect(events.map((e) => e.date.start).sort()).toEqual(["2025-03-10", "2025-03-11"]);
  });
});

describe("when a thing was said and when it happened", () => {
  const { events } = extract(
    "The attack on the convoy killed four soldiers, the Defence Ministry said on Sunday. The " +
      "Interior Ministry said the talks would resume on Sunday. On Tuesday, Prime Minister Kaja " +
      "Kallas said a deal was close.",
  );

  it("leaves a date right at the cue to the saying, not to the event reported", () => {
    expect(events.find((e) => e.kind === "MILITARY_ACTION")?.date.start).toBeNull();
    expect(events.find((e) => e.kind === "AGREEMENT")?.date.start).toBeNull();
    const statements = events.filter((e) => e.kind === "STATEMENT");
    expect(statements.map((e) => e.date.start).sort()).toEqual(["2025-03-09", "2025-03-11"]);
  });

  it("leaves a date right after a verb of saying to the saying, whoever said it", () => {
    const { events: found } = extract(
      "The ambush killed two guards near the border, they said Sunday.",
    );
    expect(found.find((e) => e.kind === "MILITARY_ACTION")?.date.start).toBeNull();
  });

  it("leaves a date inside what was said to the event said to come", () => {
    const talks = events.find((e) => e.kind === "NEGOTIATION");
    expect(talks?.date.start).toBe("2025-03-16");
    expect(
      events.some(
        (e) => e.kind === "STATEMENT" && e.participants[0]?.actor === "Interior Ministry",
      ),
    ).toBe(false);
  });
});

describe("background events", () => {
  it("keeps 'previous agreements' apart from the deal the story is about", () => {
    const { events } = extract(
      "Armenia and Azerbaijan signed a border accord on Monday. Baku accused Yerevan of " +
        "breaking previous agreements. Diplomats said the accord would be ratified.",
    );
    const accord = events.find((e) => e.title.toLowerCase().includes("border accord"));
    const previous = events.find((e) => e.title.toLowerCase().startsWith("previous"));
    expect(previous).toBeDefined();
    expect(previous?.mentions.map((m) => m.text)).toEqual(["previous agreements"]);
    expect(accord?.mentions.map((m) => m.text)).toContain("the accord");
  });
});
