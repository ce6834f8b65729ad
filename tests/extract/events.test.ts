import { describe, expect, it } from "vitest";
import { extractAnnotation } from "../../src/extract/index.ts";

const eventsOf = (body: string) =>
  extractAnnotation(body, { publishedAt: "2025-07-06" }).annotation.events;

describe("events", () => {
  const body =
    "Russia and Ukraine held talks in Istanbul on June 2nd. The talks produced a prisoner exchange " +
    "agreement. The first exchange of prisoners took place on July 4th between Russia and Ukraine. " +
    "A third round of negotiations between Russia and Ukraine will take place next week.";
  const events = eventsOf(body);

  it("date an event by the date in its clause, relative to publication", () => {
    const talks = events.find((e) => e.kind === "NEGOTIATION" && e.date.start === "2025-06-02");
    expect(talks?.location).toBe("Istanbul");
    expect(talks?.participants.map((p) => p.actor).sort()).toEqual(["Russia", "Ukraine"]);
    expect(talks?.participants[0]?.role).toBe("negotiator");
  });

  it("join a later mention of the same event to it", () => {
    const talks = events.find((e) => e.kind === "NEGOTIATION" && e.date.start === "2025-06-02");
    expect(talks?.mentions.map((m) => m.text)).toContain("The talks");
  });

  it("mark announced or expected events PLANNED", () => {
    const planned = events.find((e) => e.status === "PLANNED");
    expect(planned?.kind).toBe("NEGOTIATION");
    expect(planned?.date.text).toBe("next week");
  });

  it("keep exchanges of prisoners apart from talks, with their own date", () => {
    const exchange = events.find((e) => e.kind === "PRISONER_EXCHANGE");
    expect(exchange?.date).toMatchObject({
      start: "2025-07-04",
      precision: "DAY",
      yearInferred: true,
    });
  });

  it("make a dated attribution a statement event with its speaker as issuer", () => {
    const [statement] = eventsOf(
      "On Monday, Russia's defense ministry said the soldiers were safe.",
    )
      .concat(eventsOf("Dmitry Peskov said on June 23 that exchanges would continue."))
      .filter((e) => e.kind === "STATEMENT" && e.date.start === "2025-06-23");
    expect(statement?.participants).toEqual([{ actor: "Dmitry Peskov", role: "issuer" }]);
  });

  it("link a claim to the event it mentions", () => {
    const { annotation } = extractAnnotation(body, { publishedAt: "2025-07-06" });
    const claim = annotation.claims.find((c) => c.span.text.startsWith("The first exchange"));
    const event = annotation.events.find((e) => e.slug === claim?.event);
    expect(event?.kind).toBe("PRISONER_EXCHANGE");
  });

  it("keep two calls with different people apart, and a later mention of one call with it", () => {
    const calls = eventsOf(
      "Secretary of Defense Lloyd J. Austin III spoke today with Israeli Minister of Defense " +
        "Yoav Gallant. Secretary of Defense Lloyd J. Austin III spoke today with U.K. Secretary " +
        "of State for Defence Ben Wallace. Austin and Wallace also spoke about Afghanistan.",
    ).filter((e) => e.title === "Spoke");
    expect(calls).toHaveLength(2);
    expect(calls[0]?.participants.map((p) => p.actor)).toEqual([
      "Lloyd J. Austin III",
      "Yoav Gallant",
    ]);
    expect(calls[1]?.participants.map((p) => p.actor)).toEqual(
      expect.arrayContaining(["Lloyd J. Austin III", "Ben Wallace"]),
    );
    expect(calls[1]?.mentions).toHaveLength(2);
  });

  it("keep events of different senses apart even when one is a possessive reference", () => {
    const found = eventsOf(
      "President Biden spoke with Cherelle Griner on Thursday. Paul Whelan remains held; " +
        "Russia has not ended his wrongful detention.",
    );
    const call = found.find((e) => e.title === "Spoke");
    const detention = found.find((e) => /detention/u.test(e.title));
    expect(call).toBeDefined();
    expect(detention).toBeDefined();
    expect(call?.mentions.map((m) => m.text)).not.toContain("his wrongful detention");
  });

  it("start a new war when a conflict is placed elsewhere", () => {
    const found = eventsOf(
      "The peace deal ends the civil war between Sudan and the rebels. It does not solve the " +
        "separate conflict in Darfur.",
    );
    const wars = found.filter((e) => e.kind === "MILITARY_ACTION");
    expect(wars).toHaveLength(2);
    expect(wars[1]?.location).toBe("Darfur");
  });

  it("read a war named without place or date as the war already named", () => {
    const found = eventsOf(
      "Armenia and Azerbaijan fought over the region in the conflict. Veterans still bear the " +
        "scars of a war that changed every family.",
    );
    const wars = found.filter((e) => e.kind === "MILITARY_ACTION");
    expect(wars).toHaveLength(1);
    expect(wars[0]?.mentions.map((m) => m.text)).toEqual(["the conflict", "a war"]);
  });

  it("take sanctions measures as events, not every use of the word", () => {
    const found = eventsOf(
      "The Treasury imposed new measures against Russia on Monday. Both peoples deserve equal " +
        "measures of freedom.",
    );
    const measures = found.filter((e) => /measures/iu.test(e.title));
    expect(measures).toHaveLength(1);
    expect(measures[0]?.date.start).toBe("2025-06-30");
  });

  it("start a new event at an indefinite noun phrase instead of joining the one before", () => {
    const found = eventsOf(
      "Russia and Ukraine signed an agreement on June 2nd. Moscow brokered a ceasefire in 2020.",
    );
    const agreements = found.filter((e) => e.kind === "AGREEMENT");
    expect(agreements).toHaveLength(2);
    expect(agreements[0]?.date.start).toBe("2025-06-02");
  });

  it("take a reference back's participants from its own clause only", () => {
    const found = eventsOf(
      "President Biden spoke with Prime Minister Fumio Kishida on Friday. The call went well, " +
        "though the Philippines was not mentioned.",
    );
    const call = found.find((e) => e.title === "Spoke");
    expect(call?.participants.map((p) => p.actor)).not.toContain("Philippines");
  });

  it("read status from the trigger's own clause: what a plan would end exists", () => {
    const [treaty, war] = eventsOf(
      "In Sudan, a peace treaty has been signed that many hope will end the long civil war " +
        "between the government and the rebels.",
    );
    expect(treaty?.status).toBe("OCCURRED");
    expect(war?.status).toBe("ONGOING");
  });

  it("report a dated clause with a subject as a happening even without a trigger word", () => {
    const found = eventsOf(
      "Queen Elizabeth II opened Parliament on September 10. Many hope for calm on July 1.",
    );
    const opened = found.find((e) => e.title === "Opened");
    expect(opened?.date.start).toBe("2025-09-10");
    expect(opened?.participants.map((p) => p.actor)).toContain("Queen Elizabeth II");
    // No subject, no happening: "many hope" names no one.
    expect(found).toHaveLength(1);
  });

  it("read deaths, suspensions and resignations as happenings, a past weekday-less date behind", () => {
    const found = eventsOf(
      "Former president Pranab Mukherjee died on Monday. Queen Elizabeth II suspended " +
        "Parliament on September 10. Interior Minister John Doe resigned yesterday.",
    );
    expect(found.find((e) => e.title === "Died")?.date.start).toBe("2025-06-30");
    // Past tense: September 10 without a year is the last one before publication.
    expect(found.find((e) => e.title === "Suspended")?.date.start).toBe("2024-09-10");
    const resigned = found.find((e) => e.title === "Resigned");
    expect(resigned?.date.start).toBe("2025-07-05");
    expect(resigned?.participants.map((p) => p.actor)).toContain("John Doe");
  });

  it("read no attack in seizures of goods, no weather in storming, and a bombing campaign as an attack", () => {
    const found = eventsOf(
      "Customs officers seized two tonnes of cocaine on Monday. Protesters threatened to storm " +
        "the parliament. Russia launched a bombing campaign in Syria on Tuesday.",
    );
    expect(found.filter((e) => e.kind === "MILITARY_ACTION").map((e) => e.title)).toEqual([
      "Bombing",
    ]);
    expect(found.some((e) => e.title.toLowerCase().includes("storm"))).toBe(false);
  });

  it("read a court appeal as a happening, an appeal for calm not", () => {
    const found = eventsOf(
      "The mayor appealed for calm on Sunday. The government said on Monday it will appeal " +
        "the ruling.",
    );
    expect(found.map((e) => e.title)).toContain("Appeal");
    expect(found.map((e) => e.title)).not.toContain("Appealed");
  });

  it("take what an announcement reports as a happening too, and crowds gathering", () => {
    const found = eventsOf(
      "On Sunday, President Alberto Fernández announced he will send a bill to the National " +
        "Congress in the next ten days. Thousands of people had gathered outside the building.",
    );
    const send = found.find((e) => e.title === "Send");
    expect(send?.status).toBe("PLANNED");
    expect(send?.date.end).toBe("2025-07-16");
    const gathered = found.find((e) => e.title === "Gathered");
    expect(gathered?.participants.map((p) => p.actor)).toContain("Thousands of people");
  });

  it("read calling a named person as a phone call dated by its clause, not a statement", () => {
    const found = eventsOf(
      "The ministry's spokesman provided the following readout:\n\nForeign Minister Penny " +
        "Wong called Indonesian Foreign Minister Retno Marsudi today to discuss the election. " +
        "Wong called the result a triumph. Marsudi called for calm.",
    );
    const calls = found.filter((e) => e.title === "Called");
    expect(calls).toHaveLength(1);
    expect(calls[0]?.date.start).toBe("2025-07-06");
    expect(calls[0]?.participants.map((p) => p.actor)).toEqual(["Penny Wong", "Retno Marsudi"]);
    // The readout introduces the text itself; the call is no statement of its own.
    expect(found.filter((e) => e.kind === "STATEMENT")).toEqual([]);
    // What the call was to discuss does not take its date.
    expect(found.find((e) => e.title === "Election")?.date.start).toBeNull();
  });

  it("make a saying dated before publication a statement event, whatever the cue's form", () => {
    const found = eventsOf(
      "Yesterday the Kenyan foreign minister, Musalia Mudavadi, was quoted as saying that the " +
        "border would stay closed.",
    );
    const statement = found.find((e) => e.kind === "STATEMENT");
    expect(statement?.date.start).toBe("2025-07-05");
    expect(statement?.participants.map((p) => p.actor)).toEqual(["Musalia Mudavadi"]);
  });

  it("not make an outlet's report a statement event: it is the source of the news", () => {
    const found = eventsOf("Reuters reported on Monday that the talks had stalled.");
    expect(found.filter((e) => e.kind === "STATEMENT")).toEqual([]);
  });

  it("date a later reference to a speaker's announcement by the dated saying", () => {
    const found = eventsOf(
      "Chilean President Gabriel Boric announced his resignation from the party shortly " +
        "before midnight Wednesday. Boric said he would stay in office. His announcement " +
        "followed weeks of criticism.",
    );
    const statements = found.filter((e) => e.kind === "STATEMENT");
    expect(statements).toHaveLength(1);
    expect(statements[0]?.date.start).toBe("2025-07-02");
    // "shortly before midnight Wednesday" is the time of the resignation, not a bound.
    expect(found.find((e) => e.title === "Resignation")?.date.start).toBe("2025-07-02");
  });

  it("take shooting someone as an attack, not shooting a video", () => {
    const found = eventsOf(
      "On Saturday, a gunman shot worshippers at a mosque in Christchurch, police said. The " +
        "shooting lasted minutes. A tourist shot a video of the scene.",
    );
    const attacks = found.filter((e) => e.kind === "MILITARY_ACTION");
    expect(attacks).toHaveLength(1);
    expect(attacks[0]?.date.start).toBe("2025-07-05");
    expect(attacks[0]?.mentions.map((m) => m.text)).toContain("The shooting");
  });

  it("take rebellions, lawsuits and censuses as happenings, but not a habit of them", () => {
    const found = eventsOf(
      "In 2014, the Houthi rebellion reached Sanaa. Residents of Taiz sued the Interior " +
        "Ministry over the dam. The 2021 census counted 5 million people. Their lawyer has " +
        "faced so many lawsuits.",
    );
    expect(found.find((e) => e.kind === "MILITARY_ACTION")?.date.start).toBe("2014-01-01");
    expect(found.find((e) => e.title === "Sued")?.participants.map((p) => p.actor)).toContain(
      "Interior Ministry",
    );
    expect(found.find((e) => e.title.includes("census"))?.date.start).toBe("2021-01-01");
    expect(found.some((e) => /lawsuits/iu.test(e.title))).toBe(false);
  });

  it("take demonstrating in the street as a protest, not demonstrating a commitment", () => {
    const found = eventsOf(
      "Students demonstrated outside the Serbian parliament on Friday. The government " +
        "demonstrated its resolve, as demonstrated by new laws.",
    );
    const protests = found.filter((e) => e.title.toLowerCase().includes("demonstrated"));
    expect(protests.map((e) => e.date.start)).toEqual(["2025-07-04"]);
  });

  it("take a delivered speech as one event and remarks on a topic as none", () => {
    const found = eventsOf(
      "Today, President Gustavo Petro delivered his annual address to Congress. Petro also " +
        "spoke on the economy. Senator Maria Cabal spoke to reporters after the address. Petro " +
        "and President Luiz Inácio Lula da Silva spoke today about the Amazon.",
    );
    expect(found.map((e) => e.kind).sort()).toEqual(["OTHER", "STATEMENT"]);
    const call = found.find((e) => e.kind === "OTHER");
    expect(call?.participants.map((p) => p.actor).sort()).toEqual([
      "Gustavo Petro",
      "Luiz Inácio Lula da Silva",
    ]);
  });

  it("count the states a war is fought in among its sides", () => {
    const found = eventsOf(
      "Israel accepted the truce. Egypt brokered a ceasefire ending hostilities in Israel and Gaza.",
    );
    const hostilities = found.find((e) => e.kind === "MILITARY_ACTION");
    expect(hostilities?.participants.map((p) => p.actor)).toContain("Israel");
  });
  it("count the protesters a story names among the sides of its protests", () => {
    const found = eventsOf(
      "Protesters accused the government of corruption. The protests began in early May in the capital, Lima.",
    );
    const protests = found.find((e) => e.title.toLowerCase().includes("protest"));
    expect(protests?.participants.map((p) => p.actor)).toContain("Protesters");
  });
  it("take charging a suspect and disarmament as happenings, not charging that or a charged debate", () => {
    const found = eventsOf(
      "Prosecutors in Lyon charged the suspect with murder on Monday. Critics charged that the mayor ignored warnings. " +
        "The council held a politically charged debate on Wednesday. The ceasefire requires the disarmament of the rebels.",
    );
    const titles = found.map((e) => e.title);
    expect(found.find((e) => e.title === "Charged")?.date.start).toBe("2025-06-30");
    expect(titles.filter((t) => t === "Charged")).toHaveLength(1);
    expect(titles).toContain("Disarmament");
  });
});
