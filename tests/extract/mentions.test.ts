import { describe, expect, it } from "vitest";
import { blankDateline } from "../../src/extract/dateline.ts";
import { findMentions } from "../../src/extract/mentions.ts";
import { analyse } from "../../src/extract/tokens.ts";

const mentionsOf = (body: string) =>
  findMentions(analyse(body)).map((m) => ({
    text: m.text,
    kind: m.kind,
    canonical: m.canonical,
    locative: m.locative,
  }));

describe("actor mentions", () => {
  it("read a title with a capital 'The' inside a sentence as a paper, not a place", () => {
    const found = mentionsOf("Voter Kitty Mak told The Atlantic that judges in The Hague agreed.");
    expect(found).toContainEqual({
      text: "The Atlantic",
      kind: "MEDIA",
      canonical: null,
      locative: false,
    });
    expect(found.some((m) => m.kind === "MEDIA" && m.text.includes("Hague"))).toBe(false);
  });

  it("read a named person's family or parents as a group named after them", () => {
    const found = findMentions(
      analyse("Paul Whelan and his family continue to suffer. I heard Trevor’s parents say so."),
    );
    const family = found.find((m) => m.text === "his family");
    expect(family?.canonical).toBe("Paul Whelan's family");
    expect(found.some((m) => m.text === "Trevor’s parents" && m.kind === "GROUP")).toBe(true);
  });

  it("read demonyms joined by 'and' before a group noun as one group", () => {
    const found = mentionsOf("The deal allows Israeli and Lebanese civilians to return.");
    expect(found.map((m) => m.text)).toEqual(["Israeli and Lebanese civilians"]);
    expect(found[0]?.kind).toBe("GROUP");
  });

  it("read states, capitals used for them and demonyms from the gazetteer", () => {
    const found = mentionsOf(
      "Moscow said Russia and Belarus would talk. Russian officials agreed.",
    );
    expect(found).toContainEqual({
      text: "Moscow",
      kind: "COUNTRY",
      canonical: "Russia",
      locative: false,
    });
    expect(found).toContainEqual({
      text: "Belarus",
      kind: "COUNTRY",
      canonical: "Belarus",
      locative: false,
    });
    expect(found).toContainEqual({
      text: "Russian officials",
      kind: "GOVERNMENT",
      canonical: null,
      locative: false,
    });
  });

  it("mark places that only locate something", () => {
    const found = mentionsOf("The delegations met in Moscow on Friday.");
    expect(found).toContainEqual(expect.objectContaining({ text: "Moscow", locative: true }));
  });

  it("take organizations whole, with their state and connectors", () => {
    const found = mentionsOf(
      "The U.S. Department of the Treasury and the Russian Ministry of Defense issued statements.",
    );
    expect(found).toContainEqual(
      expect.objectContaining({ text: "U.S. Department of the Treasury", kind: "GOVERNMENT" }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ text: "Russian Ministry of Defense", kind: "GOVERNMENT" }),
    );
  });

  it("separate a person from the titles before the name and the state after it", () => {
    const found = findMentions(
      analyse("Secretary of State Colin Powell met President Volodymyr Zelenskyy of Ukraine."),
    );
    const powell = found.find((m) => m.text === "Colin Powell");
    expect(powell?.kind).toBe("PERSON");
    expect(powell?.titledForm).toBe("Secretary of State Colin Powell");
    expect(found.map((m) => m.text)).toEqual(
      expect.arrayContaining(["Volodymyr Zelenskyy", "Ukraine"]),
    );
  });

  it("find described groups and definite descriptions", () => {
    const found = mentionsOf(
      "Ukrainian representatives remained cautious, international observers said, and the ministry agreed.",
    );
    expect(found).toContainEqual(
      expect.objectContaining({ text: "Ukrainian representatives", kind: "GOVERNMENT" }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ text: "international observers", kind: "GROUP" }),
    );
    expect(found).toContainEqual(expect.objectContaining({ text: "the ministry" }));
  });

  it("find groups of people named by a state or by what they stand for", () => {
    const found = mentionsOf(
      "Peruvian agents followed the pro-reform candidates, while the pro-government camp waited.",
    );
    expect(found).toContainEqual(
      expect.objectContaining({ text: "Peruvian agents", kind: "GROUP" }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ text: "pro-reform candidates", kind: "GROUP" }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ text: "pro-government camp", kind: "GROUP" }),
    );
    // "pro-democracy protests" are an activity, not people.
    expect(mentionsOf("The pro-democracy protests went on.")).not.toContainEqual(
      expect.objectContaining({ kind: "GROUP" }),
    );
  });

  it("tell places from actors: cities naming things, names after 'in', place phrases", () => {
    const found = mentionsOf(
      "Foreign Secretary David Lammy said the Minsk agreement failed. Talks in Villa Borsig and " +
        "in the West Bank went on, and Moscow said it agreed.",
    );
    expect(found).toContainEqual(expect.objectContaining({ text: "David Lammy", kind: "PERSON" }));
    expect(found).toContainEqual(expect.objectContaining({ text: "Minsk", locative: true }));
    expect(found).toContainEqual(expect.objectContaining({ text: "Moscow", locative: false }));
    expect(found.map((m) => m.text)).not.toContain("Villa Borsig");
    expect(found.map((m) => m.text)).not.toContain("West Bank");
  });

  it("keep particles, dashes and nicknames inside a name", () => {
    const texts = mentionsOf(
      "President Abdel Fattah el-Sisi met Israeli Minister of Defense Benjamin “Benny” Gantz " +
        "and the African Export–Import Bank.",
    ).map((m) => m.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        "Abdel Fattah el-Sisi",
        "Benjamin “Benny” Gantz",
        "African Export–Import Bank",
      ]),
    );
  });

  it("take state bodies and courts as government, plurals of peoples as groups", () => {
    const found = mentionsOf(
      "The Central Bank of the Russian Federation froze assets. The Supreme Court ruled. " +
        "Later the Court met. Christians and Britons protested, as did the Muslim north " +
        "and members of the public, African leaders and Amnesty International.",
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        text: "Central Bank of the Russian Federation",
        kind: "GOVERNMENT",
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ text: "Supreme Court", kind: "GOVERNMENT" }),
    );
    // A lone head word refers back; it is a description, never a name of its own.
    expect(found.filter((m) => m.text === "Court")).toEqual([]);
    for (const group of [
      "Christians",
      "Britons",
      "Muslim north",
      "members of the public",
      "African leaders",
    ])
      expect(found).toContainEqual(expect.objectContaining({ text: group, kind: "GROUP" }));
    expect(found).toContainEqual(
      expect.objectContaining({ text: "Amnesty International", kind: "ORGANIZATION" }),
    );
    // "-ions" ends nouns of action, not peoples.
    expect(mentionsOf("Negotiations are ongoing.")).not.toContainEqual(
      expect.objectContaining({ text: "Negotiations", kind: "GROUP" }),
    );
  });

  it("skip wire datelines, keep a state's bodies named in lower case and regnal titles", () => {
    const found = mentionsOf(
      // The pipeline blanks a dateline before this stage reads the text.
      blankDateline(
        "GENEVA (Reuters) - Azerbaijan's foreign ministry said the US government and the " +
          "Interior Ministry agreed. Queen Elizabeth II was informed.",
      ),
    );
    expect(found.map((m) => m.text)).not.toContain("GENEVA");
    expect(found).toContainEqual(
      expect.objectContaining({ text: "Azerbaijan's foreign ministry", kind: "GOVERNMENT" }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ text: "US government", kind: "GOVERNMENT" }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ text: "Interior Ministry", kind: "GOVERNMENT" }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ text: "Queen Elizabeth II", kind: "PERSON" }),
    );
  });

  it("read archives, libraries, observatories and a demonym fused to a company's name", () => {
    const found = mentionsOf(
      "According to the Crime Data Archive, the House of Commons Library and the Syrian " +
        "Observatory for Human Rights, Qatari Zarnex said output fell. The Saudi Arabian " +
        "ambassador met Israeli Benjamin Netanyahu.",
    );
    const kindOf = (text: string) => found.find((m) => m.text === text)?.kind;
    expect(kindOf("Crime Data Archive")).toBe("ORGANIZATION");
    expect(kindOf("House of Commons Library")).toBe("GOVERNMENT");
    expect(kindOf("Syrian Observatory for Human Rights")).toBe("ORGANIZATION");
    expect(kindOf("Qatari Zarnex")).toBe("ORGANIZATION");
    expect(kindOf("Saudi Arabian")).toBeUndefined();
    expect(kindOf("Benjamin Netanyahu")).toBe("PERSON");
  });
});

describe("states that only locate", () => {
  const locativeOf = (body: string, text: string) =>
    mentionsOf(body).find((m) => m.text === text)?.locative;

  it("marks destinations of movement and a border's other side", () => {
    expect(locativeOf("The reporter returned to Peru last week.", "Peru")).toBe(true);
    expect(locativeOf("The envoy flew back to the Netherlands.", "Netherlands")).toBe(true);
    expect(locativeOf("Guards patrol the border with Chile.", "Chile")).toBe(true);
    expect(locativeOf("Brazil sent aid to Chile.", "Chile")).toBe(false);
  });

  it("marks where a body is based", () => {
    expect(locativeOf("The Peru-based rebel movement claimed it.", "Peru")).toBe(true);
    expect(locativeOf("Peru claimed it.", "Peru")).toBe(false);
  });

  it("marks every state in a list of example places", () => {
    const body = "The carrier still flies to destinations including Peru, Chile, and Bolivia.";
    for (const state of ["Peru", "Chile", "Bolivia"]) expect(locativeOf(body, state)).toBe(true);
    const acting = "Countries including Peru and Chile condemned the vote.";
    expect(locativeOf(acting, "Chile")).toBe(false);
  });

  it("marks a state whose province is named, and the state a person comes from", () => {
    expect(locativeOf("Rockets hit Syria's Idlib province on Friday.", "Syria")).toBe(true);
    expect(locativeOf("Committee member Mark Ellwood of Georgia objected.", "Georgia")).toBe(true);
  });

  it("reads a direction between the preposition and the state as part of the place", () => {
    expect(locativeOf("Patrols continued in northeast Chile.", "Chile")).toBe(true);
    expect(locativeOf("Shelling across southern Peru stopped.", "Peru")).toBe(true);
  });
});
