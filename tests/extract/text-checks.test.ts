import { describe, expect, it } from "vitest";
import { checkText, ExtractInputError, MAX_EXTRACT_CHARS } from "../../src/extract/text-checks.ts";

const english =
  "The foreign ministry said on Monday that the talks would continue next week in Geneva, " +
  "according to officials who spoke to reporters after the meeting. Both delegations agreed " +
  "to exchange more prisoners before the end of the month, the officials added.";

describe("text checks", () => {
  it.each([
    ["", "must not be empty"],
    ["   \n ", "must not be empty"],
    [42, "must be text"],
    ["a\u0000b binary", "not plain text"],
    ["x".repeat(MAX_EXTRACT_CHARS + 1), "at most"],
    ["<p>The ministry said <b>nothing</b>.</p>", "looks like HTML"],
  ])("refuse %j with a reason naming the body", (body, reason) => {
    let caught: unknown;
    try {
      checkText(body);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExtractInputError);
    expect((caught as ExtractInputError).field).toBe("body");
    expect((caught as Error).message).toContain(reason);
  });

  it("accept English prose, and a stray angle bracket in it", () => {
    expect(checkText(english)).toEqual({ language: "eng", warnings: [], extractable: true });
    expect(checkText(`${english} Turnout was < 40 percent.`).extractable).toBe(true);
  });

  it("not guess the language of a text too short to tell, and analyse it", () => {
    const result = checkText("Peskov said the talks would go on.");
    expect(result).toMatchObject({ language: "und", extractable: true });
    expect(result.warnings[0]).toContain("too short");
  });

  it("detect another language and skip extraction with a warning", () => {
    const german =
      "Das Außenministerium erklärte am Montag, dass die Gespräche in der nächsten Woche in " +
      "Genf fortgesetzt werden, wie Beamte nach dem Treffen gegenüber Journalisten sagten. " +
      "Beide Delegationen vereinbarten, bis zum Ende des Monats weitere Gefangene auszutauschen.";
    const result = checkText(german);
    expect(result.language).toBe("deu");
    expect(result.extractable).toBe(false);
    expect(result.warnings[0]).toContain("not English");
  });
});
