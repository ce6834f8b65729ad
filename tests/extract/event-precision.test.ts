import { describe, expect, it } from "vitest";
import { extractAnnotation } from "../../src/extract/index.ts";

const eventsOf = (body: string) =>
  extractAnnotation(body, { publishedAt: "2025-06-12" }).annotation.events;
const titles = (body: string) => eventsOf(body).map((e) => e.title.toLowerCase());

describe("event triggers in compounds, names and adjectives", () => {
  it("does not read a trigger that modifies another noun as a happening", () => {
    const found = titles(
      "Election observers from the African Union praised the count on Monday. Minister " +
        "David Lammy said the measures would starve the Kremlin's war machine.",
    );
    expect(found.some((t) => t.includes("election"))).toBe(false);
    expect(found.some((t) => t.includes("war"))).toBe(false);
  });

  it("does not take words of an actor's name or an adjectival participle as triggers", () => {
    const found = titles(
      "The Office of Financial Sanctions Implementation will publish guidance next week. " +
        "Crowds protested on Saturday against the ruling Georgian Dream party.",
    );
    expect(found.some((t) => t.includes("sanctions"))).toBe(false);
    expect(found.some((t) => t.includes("ruling"))).toBe(false);
  });

  it("reads 'wrongfully detained' as a status of people, not a detention that happened", () => {
    const found = titles(
      "The Canadian government will keep working for all Canadians wrongfully detained abroad.",
    );
    expect(found.some((t) => t.includes("detained"))).toBe(false);
  });
});

describe("event dates", () => {
  it("moves a planned date with a written month but no year to the coming year", () => {
    const [hearing] = eventsOf("A hearing is scheduled for April 22 in Washington, lawyers said.");
    expect(hearing?.status).toBe("PLANNED");
    expect(hearing?.date.start).toBe("2026-04-22");
  });

  it("does not date an event by a bound on something else", () => {
    const events = eventsOf(
      "Jair Bolsonaro, who is barred from running until 2030, criticised the vote on Instagram.",
    );
    expect(events.every((e) => e.date.start !== "2030-01-01")).toBe(true);
  });

  it("reads a lower-case march as a protest and the month March as a date", () => {
    const events = eventsOf("A march is planned in Copacabana on Saturday by teachers' unions.");
    expect(events.some((e) => e.title.toLowerCase().includes("march"))).toBe(true);
    expect(titles("The report was published in March.")).toEqual([]);
  });

  it("puts a weekday after a planned trigger in the coming week, even the publication's day", () => {
    const body =
      "Chilean and Peruvian negotiators are expected to resume border talks in Lima on Sunday, " +
      "officials said.";
    const talksOn = (publishedAt: string) =>
      extractAnnotation(body, { publishedAt }).annotation.events.find(
        (e) => e.kind === "NEGOTIATION",
      )?.date.start;
    expect(talksOn("2024-06-07")).toBe("2024-06-09");
    expect(talksOn("2024-06-09")).toBe("2024-06-16");
  });

  it("puts a weekday governed by a future phrase after publication", () => {
    const events = extractAnnotation(
      "Sudan's army and the RSF signed a truce on Saturday. The truce, which is due to take " +
        "effect on Monday evening, follows weeks of fighting.",
      { publishedAt: "2023-05-21" },
    ).annotation.events;
    const planned = events.find((e) => e.status === "PLANNED");
    expect(planned?.date.start).toBe("2023-05-22");
  });

  it("keeps an event with a written past year OCCURRED despite future words around it", () => {
    const events = extractAnnotation(
      "Erdogan, who brokered the deal with the United Nations in July 2022, said he would " +
        "discuss it with Vladimir Putin when the Russian leader visits Turkey in August.",
      { publishedAt: "2023-07-26" },
    ).annotation.events;
    expect(events.find((e) => e.date.start === "2022-07-01")?.status).toBe("OCCURRED");
    const visit = events.find((e) => e.date.start === "2023-08-01");
    expect(visit?.status).toBe("PLANNED");
  });

  it("keeps a weekday said to be next, with its day of the month, ahead in a past clause", () => {
    const events = extractAnnotation(
      "The defence minister, Jan Kowalski, announced his resignation effective next " +
        "Wednesday, July 30.",
      { publishedAt: "2025-07-26" },
    ).annotation.events;
    expect(events.find((e) => e.date.text?.includes("July 30"))?.date.start).toBe("2025-07-30");
  });

  it("puts a month without a year in a past clause before publication", () => {
    const events = extractAnnotation("Police arrested the activist in March, his lawyer said.", {
      publishedAt: "2019-09-24",
    }).annotation.events;
    expect(events.find((e) => e.date.text?.includes("March"))?.date.start).toBe("2019-03-01");
  });
});

describe("a deadline in a past-tense clause", () => {
  it("stays ahead of publication instead of moving back a year", () => {
    const { annotation } = extractAnnotation(
      "The parties agreed on Monday to hold a referendum by October 31.",
      { publishedAt: "2019-08-29" },
    );
    const dated = annotation.events.filter((e) => e.date.start !== null);
    expect(dated.length).toBeGreaterThan(0);
    for (const event of dated) expect(event.date.start).toBe("2019-10-31");
  });
});
