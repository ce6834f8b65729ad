import { describe, expect, it } from "vitest";
import { blankDateline, findDateline } from "../../src/extract/dateline.ts";
import { extractAnnotation } from "../../src/extract/index.ts";

describe("findDateline", () => {
  it.each([
    ["ANKARA, March 12 (Reuters) - Turkey said", "ANKARA, March 12 (Reuters) - "],
    ["WASHINGTON (AP) — The Senate voted", "WASHINGTON (AP) — "],
    ["KYIV, Ukraine (AP) — Drones struck", "KYIV, Ukraine (AP) — "],
    ["GENEVA — Talks resumed", "GENEVA — "],
    ["Beijing, Jan. 5 (Xinhua) -- China said", "Beijing, Jan. 5 (Xinhua) -- "],
    ["ST. LOUIS, Dec 1, 2023 (Reuters) - A court", "ST. LOUIS, Dec 1, 2023 (Reuters) - "],
    ["SÃO PAULO (Reuters) - Brazil said", "SÃO PAULO (Reuters) - "],
  ])("finds the dateline of %j", (body, dateline) => {
    expect(findDateline(body)).toEqual({ start: 0, end: dateline.length });
  });

  it.each([
    "Moscow - the capital - was quiet.",
    "The ministry said on Monday - without details - that talks would resume.",
    "US-China talks resumed on Monday.",
    "UN - the body said.",
    "Turkey's foreign minister said on Tuesday that talks would resume.",
  ])("leaves %j alone", (body) => {
    expect(findDateline(body)).toBeNull();
  });
});

describe("blankDateline", () => {
  it("keeps the length and every index after the dateline", () => {
    const body = "ANKARA, March 12 (Reuters) - Turkey said talks would resume.";
    const blanked = blankDateline(body);
    expect(blanked.length).toBe(body.length);
    expect(blanked.trimStart()).toBe("Turkey said talks would resume.");
    expect(blanked.indexOf("Turkey")).toBe(body.indexOf("Turkey"));
  });
});

describe("extraction of a wire story", () => {
  const body =
    'ANKARA, March 12 (Reuters) - Foreign Minister Hakan Fidan said on Tuesday that talks would resume in Geneva. "We are ready," Fidan told reporters.';
  const { annotation } = extractAnnotation(body, { publishedAt: "2024-03-12" });

  it("takes neither the dateline's place nor its agency for an actor", () => {
    const names = annotation.actors.map((a) => a.name);
    expect(names).not.toContain("ANKARA");
    expect(names).not.toContain("Reuters");
    expect(names).toContain("Hakan Fidan");
  });

  it("starts the first claim after the dateline", () => {
    const first = annotation.claims[0];
    expect(first?.span.text.startsWith("Foreign Minister Hakan Fidan said")).toBe(true);
  });
});
