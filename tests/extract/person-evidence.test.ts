import { describe, expect, it } from "vitest";
import { extractAnnotation } from "../../src/extract/index.ts";
import { findMentions } from "../../src/extract/mentions.ts";
import { analyse } from "../../src/extract/tokens.ts";

const kinds = (body: string) =>
  Object.fromEntries(findMentions(analyse(body)).map((m) => [m.text, m.kind]));

describe("person evidence for names the gazetteer does not know", () => {
  it("drops capitalized things with no sign of a person", () => {
    const found = kinds(
      "Lawyers argued the president has powers under Article II. Shares in Rosneft fell " +
        "while Gazprom Neft was not named.",
    );
    expect(found["Article II"]).toBeUndefined();
    expect(found["Gazprom Neft"]).toBeUndefined();
    expect(found.Rosneft).toBeUndefined();
  });

  it("keeps people shown by a given name, a role noun, an apposition or a cue verb", () => {
    const found = kinds(
      "Talks between Mark Rutte and the envoys ended. Opposition leader Raila Odinga " +
        "objected. Bidzina Ivanishvili, the billionaire founder of the party, was silent. " +
        "The bloc's foreign policy chief, Kaja Kallas, will travel. Zhdanov Kuprin said no. " +
        "Tarasenko who chairs the panel agreed.",
    );
    expect(found).toMatchObject({
      "Mark Rutte": "PERSON",
      "Raila Odinga": "PERSON",
      "Bidzina Ivanishvili": "PERSON",
      "Kaja Kallas": "PERSON",
      "Zhdanov Kuprin": "PERSON",
      Tarasenko: "PERSON",
    });
  });

  it("keeps a speaker with where they are from between the name and the cue verb", () => {
    const found = kinds(
      "Zorana Kuprin from the opposition camp said the vote was unfair. Rostova Tarn of " +
        "the Harbour Board told reporters otherwise. Ozera Falls of the north is cold.",
    );
    expect(found["Zorana Kuprin"]).toBe("PERSON");
    expect(found["Rostova Tarn"]).toBe("PERSON");
    expect(found["Ozera Falls"]).toBeUndefined();
  });

  it("lets a full name and a lone surname vouch for each other, and lists of people", () => {
    const found = kinds(
      "Kiplagat Barasa won. Barasa thanked voters. Presidents Muhammadu Buhari of Nigeria " +
        "and Patrice Talon of Benin signed.",
    );
    expect(found).toMatchObject({
      "Kiplagat Barasa": "PERSON",
      Barasa: "PERSON",
      "Patrice Talon": "PERSON",
    });
  });

  it("reads the leader a government is named after and the object of an ouster as people", () => {
    const found = kinds(
      "Rebels fought the government of Tavita Oremo Kalu for years. In 2004 the army " +
        "ousted Bexar Lomandi. The government of Mount Ruvo was silent.",
    );
    expect(found["Tavita Oremo Kalu"]).toBe("PERSON");
    expect(found["Bexar Lomandi"]).toBe("PERSON");
    expect(found["Mount Ruvo"]).toBeUndefined();
  });

  it("keeps full names listed before a person, but not places listed so", () => {
    const found = kinds(
      "Three plaintiffs, Tavita Oremo, Lusia Oremo, and John Kalani, sued. They moved to " +
        "Port Vesta, Lake Ruvo and the hills.",
    );
    expect(found["Tavita Oremo"]).toBe("PERSON");
    expect(found["Lusia Oremo"]).toBe("PERSON");
    expect(found["Port Vesta"]).toBeUndefined();
  });

  it("reads media and company words, parties and national NGOs as bodies", () => {
    const found = kinds(
      "Journalists from TV Pirveli said they were beaten. Trading on the London Stock " +
        "Exchange stopped. The ruling Georgian Dream party won. The American Civil Liberties " +
        "Union sued.",
    );
    expect(found).toMatchObject({
      "TV Pirveli": "MEDIA",
      "Georgian Dream": "ORGANIZATION",
      "American Civil Liberties Union": "ORGANIZATION",
    });
    expect(Object.entries(found).filter(([, k]) => k === "PERSON")).toEqual([]);
  });

  it("reads possessive appositions and meetings as signs of people", () => {
    const found = kinds(
      "Aid waited. Cindy McCain, the agency's executive director, urged calm. Separately, " +
        "Netanyahu met Blinken on Monday.",
    );
    expect(found).toMatchObject({
      "Cindy McCain": "PERSON",
      Netanyahu: "PERSON",
      Blinken: "PERSON",
    });
  });

  it("reads a name that introduces its own acronym as a body's, and joins the two", () => {
    const body = "Strikes hit Kait’ib Sayyid al-Shuhada (KSS) sites. KSS said it would respond.";
    expect(kinds(body)["Kait’ib Sayyid al-Shuhada"]).toBe("ORGANIZATION");
    const { annotation } = extractAnnotation(body, {});
    const group = annotation.actors.find((a) => a.name === "Kait’ib Sayyid al-Shuhada");
    expect(group?.aliases).toContain("KSS");
  });

  it("reads a bare role of two words in an apposition as a sign of a person", () => {
    const found = kinds(
      "For example, Ban Ki-moon, secretary general of the United Nations, called for a delay.",
    );
    expect(found["Ban Ki-moon"]).toBe("PERSON");
  });

  it("does not take treaties, crossings, days or squares for actors", () => {
    const found = kinds(
      "The law helps meet the Paris Agreement targets. The Rafah Crossing stayed shut on " +
        "Independence Day, and crowds filled Freedom Square.",
    );
    expect(found).toEqual({});
  });

  it("joins a family name of several words to the full name, and keeps a state out of a paper", () => {
    const { actors } = extractAnnotation(
      "Blinken spoke with Sheikh Mohammed bin Abdulrahman Al Thani on Monday. He thanked " +
        "Prime Minister Al Thani. Sudan denied it, according to the Sudan Tribune.",
      { publishedAt: "2023-05-21" },
    ).annotation;
    const thani = actors.filter((a) => a.name.includes("Al Thani"));
    expect(thani).toHaveLength(1);
    expect(actors.find((a) => a.name === "Sudan Tribune")?.kind).toBe("MEDIA");
    expect(actors.find((a) => a.name === "Sudan")?.kind).toBe("COUNTRY");
  });

  it("drops an acronym introduced for a thing, keeps one introduced for a body", () => {
    const found = kinds(
      "Leaders signed the African Continental Free Trade Area (AfCFTA) on Sunday. The " +
        "AfCFTA starts next year. The Intergovernmental Authority on Development (IGAD) met.",
    );
    expect(found.AfCFTA).toBeUndefined();
    expect(found["Intergovernmental Authority on Development"]).toBe("ORGANIZATION");
  });

  it("joins 'and' inside a body's name only before its head", () => {
    const found = kinds(
      "The Independent Electoral and Boundaries Commission announced it. Egypt and South " +
        "Sudan called for calm. Senator Smith and Congress agreed.",
    );
    // Kenya's electoral commission: a state body, so a government's.
    expect(found["Independent Electoral and Boundaries Commission"]).toBe("GOVERNMENT");
    expect(found).toMatchObject({
      Egypt: "COUNTRY",
      "South Sudan": "COUNTRY",
      Congress: "GOVERNMENT",
    });
  });
});

describe("evidence from lists, kin and bare roles", () => {
  it("reads names listed after a plural of people as people, after companies as companies", () => {
    const found = kinds(
      "The detained citizens – Dariush Kohan, Farid Lavasi, and Nader Sohrab – were moved. " +
        "Dutch firms including Rabotex, Vellmann Kraft, and Onderhout have left the market.",
    );
    expect(found).toMatchObject({
      "Dariush Kohan": "PERSON",
      "Farid Lavasi": "PERSON",
      "Nader Sohrab": "PERSON",
      Rabotex: "ORGANIZATION",
      "Vellmann Kraft": "ORGANIZATION",
      Onderhout: "ORGANIZATION",
    });
  });

  it("reads a bare role apposition and a lone given name's kin as person evidence", () => {
    const found = kinds(
      "Zalmay Torkani, spokesperson for the governor, confirmed the toll. We welcome home " +
        "Brennan Holt. Brennan’s parents thanked the team.",
    );
    expect(found["Zalmay Torkani"]).toBe("PERSON");
    expect(found["Brennan Holt"]).toBe("PERSON");
  });
});

describe("a capitalized plural of people opening a sentence", () => {
  it("is a described group, not a person", () => {
    const { annotation } = extractAnnotation(
      "Diplomats said the envoy would travel to Cairo next week. Analysts believe the talks may stall.",
      { publishedAt: "2024-10-24" },
    );
    const kinds = Object.fromEntries(annotation.actors.map((a) => [a.name, a.kind]));
    expect(kinds.Diplomats).toBe("GROUP");
    expect(kinds.Analysts).toBe("GROUP");
  });
});

describe("occupations and identification as person evidence", () => {
  it("reads a full name after a noun of occupation or after 'identified as' as a person", () => {
    const body =
      "Guests included drummer Mickey Hart. The deceased seaman was identified as Jaypee " +
      "Galicha. Plaintiffs included the Crow Tribe and the Fort Belknap Indian Community.";
    const actors = extractAnnotation(body, { publishedAt: "2019-01-28" }).annotation.actors;
    const kind = (name: string) => actors.find((a) => a.name === name)?.kind;
    expect(kind("Mickey Hart")).toBe("PERSON");
    expect(kind("Jaypee Galicha")).toBe("PERSON");
    expect(kind("Crow Tribe")).toBe("GROUP");
    expect(kind("Fort Belknap Indian Community")).toBe("GROUP");
  });
});

describe("the accused person in a crime story", () => {
  it("finds a person by age or nationality in apposition and joins 'the gunman' to the one accused", () => {
    const body =
      "An Australian, Brenton Tarrant, aged 28, appeared in court, charged with murder. " +
      "Brenton Tarrant did not apply for bail. The attacker had a licence, and the alleged " +
      "gunman bought five weapons.";
    const actors = extractAnnotation(body, { publishedAt: "2019-03-17" }).annotation.actors;
    const tarrant = actors.find((a) => a.name === "Brenton Tarrant");
    expect(tarrant?.kind).toBe("PERSON");
    expect(tarrant?.mentions.map((m) => m.text)).toEqual(
      expect.arrayContaining(["The attacker", "the alleged gunman"]),
    );
    expect(actors.filter((a) => a.kind === "PERSON")).toHaveLength(1);
  });
});

describe("the accused person, not whoever reports the charge", () => {
  it("does not join 'the gunman' to a speaker who reports an arrest", () => {
    const body =
      "Prime Minister Jacinda Ardern said a man had been charged with murder. The gunman used " +
      "five weapons.";
    const actors = extractAnnotation(body, { publishedAt: "2019-03-17" }).annotation.actors;
    const ardern = actors.find((a) => a.name === "Jacinda Ardern");
    expect(ardern?.mentions.map((m) => m.text)).not.toContain("The gunman");
  });
});
