import { describe, expect, it } from "vitest";
import { extractAnnotation } from "../../src/extract/index.ts";

const claimsOf = (body: string) =>
  extractAnnotation(body, { publishedAt: "2025-07-06" }).annotation.claims.map((c) => ({
    text: c.span.text,
    claimant: c.claimant,
    kind: c.kind,
    quote: c.quote,
  }));

describe("attributed claims", () => {
  it("give a direct quote to its speaker", () => {
    const [claim] = claimsOf(
      "Kremlin spokesman Dmitry Peskov said, “The exchanges of prisoners will continue.”",
    );
    expect(claim).toMatchObject({
      claimant: "Dmitry Peskov",
      quote: "The exchanges of prisoners will continue.",
    });
  });

  it("attribute reported speech through cue verbs, inverted and passive ones too", () => {
    const claims = claimsOf(
      "Russian soldiers are being held in Belarus, according to the Russian Ministry of Defense. " +
        "The exchange was hailed by Russian officials as a step toward de-escalation. " +
        "The talks will resume next week, Ukrainian representatives said.",
    );
    expect(claims.map((c) => c.claimant)).toEqual([
      "Russian Ministry of Defense",
      "Russian officials",
      "Ukrainian representatives",
    ]);
    expect(claims[1]?.kind).toBe("ASSESSMENT");
  });

  it("leave the article's own assertions without a claimant, hedges as speculation", () => {
    const claims = claimsOf(
      "The first exchange took place on July 4th in Belarus. " +
        "Both sides reportedly swapped dozens of captured soldiers. " +
        "A third round of talks is expected to take place in Istanbul.",
    );
    expect(claims.map((c) => [c.claimant, c.kind])).toEqual([
      [null, "FACTUAL"],
      [null, "SPECULATION"],
      [null, "PREDICTION"],
    ]);
  });

  it("split contrasting clauses with different claimants and skip questions", () => {
    const claims = claimsOf(
      "The exchange was hailed by Russian officials as a success, though Ukrainian representatives " +
        "remained cautious, emphasizing that the process was difficult. Will the talks go on?",
    );
    expect(claims.map((c) => c.claimant)).toEqual([
      "Russian officials",
      "Ukrainian representatives",
    ]);
  });

  it("take the name after a participle cue as its object, not its speaker", () => {
    const claims = claimsOf(
      "Protesters gathered outside the parliament on Monday, accusing Prime Minister Nikol " +
        "Pashinyan of giving away land. Police detained 40 people, the Interior Ministry said.",
    );
    expect(claims.map((c) => c.claimant)).not.toContain("Nikol Pashinyan");
    expect(claims.at(-1)?.claimant).toBe("Interior Ministry");
  });

  it("attribute findings, skip a possessor after an inverted cue, keep the speaker's modals", () => {
    const claims = claimsOf(
      "The Supreme Court found that it could rule on the prorogation. It is not for the Court " +
        "to opine, argued the government's lawyer, Richard Keen. Both sides should now talk.",
    );
    expect(claims[0]).toMatchObject({ claimant: "Supreme Court", kind: "STATEMENT" });
    expect(claims[1]?.claimant).toBe("Richard Keen");
    // A deontic modal in the article's own voice is an assessment.
    expect(claims[2]).toMatchObject({ claimant: null, kind: "ASSESSMENT" });
  });
});

describe("cue words right after a speaker", () => {
  it("read a cue the tagger calls a noun or adjective as the speaker's verb", () => {
    const claims = claimsOf(
      "The Interior Ministry claims the convoy carried weapons. " +
        "President Gustavo Petro insists that the border stay open. " +
        "Member states are divided over the plan.",
    );
    expect(claims.map((c) => c.claimant)).toEqual(["Interior Ministry", "Gustavo Petro", null]);
  });

  it("not read a cue word heading a noun compound as a verb ('think tank')", () => {
    const claims = claimsOf(
      "The Atlantic Council think tank hosted a debate on the border dispute on Monday.",
    );
    expect(claims.map((c) => c.claimant)).toEqual([null]);
  });
});

describe("when a claim was stated", () => {
  const statedAt = (body: string) =>
    extractAnnotation(body, { publishedAt: "2025-07-06" }).annotation.claims.map(
      (c) => c.statedAt?.text ?? null,
    );

  it("take a date next to the cue, not one naming a thing or what was said", () => {
    expect(
      statedAt(
        "The United States called the strike defensive, pointing to the June 30 attack on " +
          "its embassy. The Foreign Ministry said on Friday that the talks would resume on July 9. " +
          "On Tuesday, Prime Minister Ana Duarte told reporters that the border would stay open.",
      ),
    ).toEqual([null, "on Friday", "On Tuesday"]);
  });
});

describe("clauses", () => {
  it("part after a quotation that closes on the comma and at ', however'", () => {
    const claims = claimsOf(
      "The deal was hailed by Russian officials as a ‘major breakthrough,’ though Ukrainian " +
        "representatives said the timetable was unclear. " +
        "The Foreign Ministry denied all the reports, however, a UN inquiry later concluded that " +
        "the shelling came from the east.",
    );
    expect(claims.map((c) => c.claimant)).toEqual([
      "Russian officials",
      "Ukrainian representatives",
      "Foreign Ministry",
      "United Nations",
    ]);
  });
});

describe("verbs of saying", () => {
  it("attribute cautioning, blaming and characterizing to their subject", () => {
    const claims = claimsOf(
      "Foreign Minister Ana Duarte cautioned that the ceasefire remained fragile. " +
        "The Interior Ministry blamed rebel commanders for the attack on the convoy.",
    );
    expect(claims.map((c) => c.claimant)).toEqual(["Ana Duarte", "Interior Ministry"]);
  });
});

describe("one claim per sentence unless its clauses differ", () => {
  it("keep a relative clause with its sentence when claimant and kind agree", () => {
    const claims = claimsOf(
      "The border treaty was signed in Lusaka in 2015, which ended a decade of skirmishes. " +
        "The talks stalled in March, though the Zambian government said they will resume soon.",
    );
    expect(claims.map((c) => c.claimant)).toEqual([null, null, "Zambian government"]);
  });
});

describe("claim kinds", () => {
  it("make an attributed evaluation an assessment and a plain report a statement", () => {
    const claims = claimsOf(
      "The Interior Ministry said the raid was a crucial success. " +
        "The Interior Ministry said the raid began at dawn. " +
        "The Interior Ministry said all officers must stay on duty.",
    );
    expect(claims.map((c) => c.kind)).toEqual(["ASSESSMENT", "STATEMENT", "STATEMENT"]);
  });

  it("read 'called for' as a demand and 'would have' as no prediction", () => {
    const claims = claimsOf(
      "The Interior Ministry called for an inquiry into the shooting. " +
        "The Interior Ministry called the shooting an outrage. " +
        "The convoy would have reached the border without the storm.",
    );
    expect(claims.map((c) => c.kind)).toEqual(["STATEMENT", "ASSESSMENT", "FACTUAL"]);
  });

  it("make a quoted verdict on something an assessment ('regarded X as \"Y\"')", () => {
    const claims = claimsOf(
      'Senator Ana Duarte told reporters she regarded the inquiry as "a political stunt." ' +
        'Senator Ana Duarte said the inquiry would "begin in March."',
    );
    expect(claims.map((c) => c.kind)).toEqual(["ASSESSMENT", "PREDICTION"]);
  });

  it("make the article's own praise or regret an assessment", () => {
    const claims = claimsOf(
      "We commend the mediators from Oman for their patient work. " +
        "The ferry left the harbour at noon with forty passengers.",
    );
    expect(claims.map((c) => c.kind)).toEqual(["ASSESSMENT", "FACTUAL"]);
  });
});

describe("described speakers", () => {
  it("give 'the archbishop said' to the archbishop named before", () => {
    const claims = claimsOf(
      "The bill was criticised by archbishop Tomas Rivera on Sunday. " +
        "Outside the cathedral the archbishop said the vote was a grave error.",
    );
    expect(claims.at(-1)?.claimant).toBe("Tomas Rivera");
  });

  it("give 'the foreign minister said' to the foreign secretary named before", () => {
    const claims = claimsOf(
      "Chile's Foreign Secretary Ana Duarte met the ambassador in Lima on Friday. " +
        "The foreign minister said the border would reopen within weeks.",
    );
    expect(claims.at(-1)?.claimant).toBe("Ana Duarte");
  });
});

describe("calls", () => {
  it("read 'called X to discuss' as a telephone call, 'called X a Y' as a verdict", () => {
    const claims = claimsOf(
      "Foreign Minister Ana Duarte called Prime Minister Kofi Mensah today to discuss the border. " +
        "Foreign Minister Ana Duarte called the border closure a grave mistake.",
    );
    expect(claims.map((c) => c.claimant)).toEqual([null, "Ana Duarte"]);
  });

  it("ignore a cue in a mid-sentence 'as'-clause", () => {
    const claims = claimsOf(
      "Foreign Minister Ana Duarte said the border would reopen. " +
        "Opposition lawmakers questioned the decision to act as she proposed.",
    );
    expect(claims.map((c) => c.claimant)).toEqual(["Ana Duarte", null]);
  });
});

describe("readout sentences with two cue verbs", () => {
  it("give each cue verb after 'and' its own claim with the same speaker", () => {
    const claims = claimsOf(
      "Foreign Minister Ana Duarte condemned the shelling of the port and expressed her support " +
        "for the families of the victims. " +
        "The embassy of Chile suspended its operations and advised citizens to leave the city.",
    );
    // The second sentence reports an action first: one claim.
    expect(claims.map((c) => [c.claimant, c.text.split(" ")[0]])).toEqual([
      ["Ana Duarte", "Foreign"],
      ["Ana Duarte", "and"],
      ["Chile", "The"],
    ]);
  });
});

describe("according to", () => {
  it("read 'according to him' as the speaker before and skip a possessor", () => {
    const claims = claimsOf(
      "Foreign Minister Ana Duarte said the border would reopen. " +
        "According to him, the crossing was the busiest in the region. " +
        "According to Duarte's critics, the reopening is a ploy to win votes.",
    );
    expect(claims.map((c) => c.claimant)).toEqual(["Ana Duarte", "Ana Duarte", null]);
  });

  it("prefer the speaker of a cue verb over the source reporting it", () => {
    const claims = claimsOf(
      "Foreign Minister Ana Duarte called the blockade a crime, according to Reuters.",
    );
    expect(claims.map((c) => c.claimant)).toEqual(["Ana Duarte"]);
  });
});

describe("relative clauses", () => {
  it("keep a relative clause without its own speaker in the speaker's claim", () => {
    const claims = claimsOf(
      "Foreign Minister Ana Duarte said the ministry will publish a plan, which she is to " +
        "present to parliament in October.",
    );
    expect(claims).toHaveLength(1);
    expect(claims[0]?.claimant).toBe("Ana Duarte");
  });

  it("do not cut at a relative clause inside the subject", () => {
    const claims = claimsOf(
      "The Interior Ministry, which runs the border police, announced that the crossing was closed.",
    );
    expect(claims.map((c) => c.claimant)).toEqual(["Interior Ministry"]);
  });
});

describe("negated cues and pronoun speakers", () => {
  it("leave what a speaker did not say to the article, and give 'but said' the speaker", () => {
    const claims = claimsOf(
      "The Interior Ministry did not mention any casualties, but said the fire was under control.",
    );
    expect(claims.map((c) => [c.claimant, c.kind])).toEqual([
      [null, "FACTUAL"],
      ["Interior Ministry", "STATEMENT"],
    ]);
  });

  it("read 'he' as a person: the sentence subject before, not an organization", () => {
    const claims = claimsOf(
      "Foreign Minister Ana Duarte called Prime Minister Kofi Mensah today to discuss the border. " +
        "The broadcaster Radio Sol reported that the talks had failed. " +
        "Speaking to reporters, she said the border would stay closed.",
    );
    expect(claims.at(-1)?.claimant).toBe("Ana Duarte");
  });

  it("read a trailing 'they said' as the clause's subject, a later 'they' as a body", () => {
    const claims = claimsOf(
      "Mayor John Smith said the city was calm. " +
        "State prosecutors charged the suspect with murder, they said Sunday. " +
        "The Interior Ministry said the crossing was closed. " +
        "Minister Ana Duarte said the closure was temporary. " +
        "They said on Sunday that trucks would be searched.",
    );
    expect(claims.map((c) => c.claimant)).toEqual([
      "John Smith",
      "State prosecutors",
      "Interior Ministry",
      "Ana Duarte",
      "Interior Ministry",
    ]);
  });
});

describe("readout lines", () => {
  it("give 'All affirmed' to the readout's principal and skip the line introducing it", () => {
    const claims = claimsOf(
      "Department Spokesperson John Roe provided the following readout:\n\n" +
        "National Security Advisor Jane Doe spoke today with Foreign Minister Ivo Petrov of " +
        "Bulgaria and Foreign Minister Ana Duarte of Chile. " +
        "All affirmed their commitment to a peace agreement.",
    );
    expect(claims.map((c) => c.claimant)).toEqual([null, "Jane Doe"]);
    expect(claims[0]?.text).toMatch(/^National Security Advisor/u);
  });
});

describe("participles of saying after an act", () => {
  it("part 'ruled against …, saying …': the act is the article's, the saying the subject's", () => {
    const claims = claimsOf(
      'The Supreme Court ruled against the government, saying the law was "arbitrary." ' +
        "Senator Ana Duarte addressed reporters in Lima, calling for new elections in the spring.",
    );
    expect(claims.map((c) => [c.claimant, c.text])).toEqual([
      [null, "The Supreme Court ruled against the government"],
      ["Supreme Court", 'saying the law was "arbitrary."'],
      [
        "Ana Duarte",
        "Senator Ana Duarte addressed reporters in Lima, calling for new elections in the spring.",
      ],
    ]);
  });
});

describe("a second speaker after ', and'", () => {
  it("part 'X reported A, and Y said B' into two claims", () => {
    const claims = claimsOf(
      "The Israeli military reported heavy fighting in the city, and the World Health " +
        "Organization said three hospitals had closed.",
    );
    expect(claims.map((c) => c.claimant)).toEqual([
      "Israeli military",
      "World Health Organization",
    ]);
  });
});

describe("speakers after a quotation", () => {
  it("read '\"…,\" the party informed the press' as the party speaking", () => {
    const claims = claimsOf(
      "Ana Duarte leads the Liberal Party. " +
        '"The Liberal Party accepts the verdict," the party informed the press.',
    );
    expect(claims.at(-1)?.claimant).toBe("Liberal Party");
  });

  it("not take a place qualifying the speaker for the speaker ('the London-based …')", () => {
    const claims = claimsOf(
      "The London-based Amnesty International said the strike killed 12 civilians.",
    );
    expect(claims[0]?.claimant).toBe("Amnesty International");
  });
});

describe("issued texts and quotations after a colon", () => {
  it("give an issued statement with content to its issuer or its named author", () => {
    const claims = claimsOf(
      "The Foreign Ministry issued a statement rejecting the accusations. " +
        "NATO published a report on the readiness of its forces. " +
        'The palace released a message from King Harald: "My daughter acted against the law."',
    );
    expect(claims.map((c) => c.claimant)).toEqual(["Foreign Ministry", null, "King Harald"]);
  });

  it("give a quotation introduced with a colon to the clause's subject", () => {
    const claims = claimsOf(
      'Senator Ana Duarte spoke to reporters after the vote: "This is a dark day for us."',
    );
    expect(claims.map((c) => c.claimant)).toEqual(["Ana Duarte"]);
  });
});

describe("documents as speakers", () => {
  it("give what a statement or report says to its issuer", () => {
    const claims = claimsOf(
      "A report from the Interior Ministry said nine people died in the fire. " +
        "Foreign Minister Ana Duarte said the border would stay closed. " +
        "The statement also read that the crossing was unsafe. " +
        "Footage from Radio Sol showed soldiers at the gate.",
    );
    expect(claims.map((c) => c.claimant)).toEqual([
      "Interior Ministry",
      "Ana Duarte",
      "Ana Duarte",
      "Radio Sol",
    ]);
  });

  it("do not give 'their statement' to a person", () => {
    const claims = claimsOf(
      "Foreign Minister Ana Duarte said the border would stay closed. " +
        "Their statement also read that the crossing was unsafe.",
    );
    expect(claims.at(-1)?.claimant).toBeNull();
  });
});

describe("what looks forward", () => {
  it("read hypotheticals, goals and demands as no prediction, reported 'would' as one", () => {
    const claims = claimsOf(
      "Foreign Minister Ana Duarte said, “This would be the first such case in our history.” " +
        "Foreign Minister Ana Duarte said the goal of the talks is to reach a ceasefire. " +
        "Foreign Minister Ana Duarte urged both sides to take steps that will ease tensions. " +
        "Foreign Minister Ana Duarte said a deal would be reached by the end of the month. " +
        "Footage from Radio Sol showed soldiers at the gate of the barracks.",
    );
    expect(claims.map((c) => c.kind)).toEqual([
      "STATEMENT",
      "STATEMENT",
      "STATEMENT",
      "PREDICTION",
      "FACTUAL",
    ]);
  });
});

describe("unnamed people and the month of May", () => {
  it("give 'analysts at X said' to X, and 'but cautioned' too", () => {
    const claims = claimsOf(
      "Analysts at the International Crisis Group said the talks had stalled, but cautioned " +
        "that both governments remained under pressure.",
    );
    expect(claims.map((c) => c.claimant)).toEqual([
      "International Crisis Group",
      "International Crisis Group",
    ]);
  });

  it("read 'on May 6' as a date, not a hedge", () => {
    const claims = claimsOf(
      "The previous round of negotiations broke down on May 6 after a shooting at the border.",
    );
    expect(claims[0]?.kind).toBe("FACTUAL");
  });
});

describe("agreement", () => {
  it("attribute 'agreed that' to its subject, not 'agreed to'", () => {
    const claims = claimsOf(
      "Foreign Minister Ana Duarte and Prime Minister Kofi Mensah agreed that the fighting had " +
        "gone on too long. Foreign Minister Ana Duarte agreed to visit the border region.",
    );
    expect(claims.map((c) => c.claimant)).toEqual(["Ana Duarte", null]);
  });
});

describe("a quotation over several sentences", () => {
  const body =
    'The minister spoke on Monday. "The lives of our soldiers were threatened. We will respond to any attack," Defence Minister Jane Holt said.';
  const { annotation } = extractAnnotation(body, { publishedAt: "2024-03-12" });

  it("makes one claim per sentence, each the speaker's, each with its own kind", () => {
    const quoted = annotation.claims.filter((c) => c.claimant === "Jane Holt");
    expect(quoted.map((c) => [c.span.text, c.kind])).toEqual([
      ['"The lives of our soldiers were threatened.', "STATEMENT"],
      ['We will respond to any attack," Defence Minister Jane Holt said.', "PREDICTION"],
    ]);
  });
});

describe("a clause cut after a quotation", () => {
  it("keeps the closing quotation mark in the first clause", () => {
    const claims = claimsOf(
      'The minister said Israel would not stop "until its goals are achieved," while a Hamas official, Osama Hamdan, told reporters the group had responded.',
    );
    expect(claims[0]?.text.endsWith('achieved,"')).toBe(true);
    expect(claims[1]?.claimant).toBe("Osama Hamdan");
  });
});
