import { describe, expect, it } from "vitest";
import { analyse } from "../../src/extract/tokens.ts";

describe("sentences and tokens", () => {
  const body =
    "Pentagon Press Secretary Maj. Gen. Pat Ryder said the talks ended.\n" +
    "President Erdoğan didn’t comment. Kyiv agreed.";
  const analysis = analyse(body);

  it("place every token at its offset in the body", () => {
    for (const t of analysis.tokens) expect(body.slice(t.start, t.end)).toBe(t.text);
  });

  it("keep abbreviations whole and never end a sentence on one", () => {
    expect(analysis.tokens.map((t) => t.text)).toContain("Maj.");
    const first = analysis.sentences[0];
    expect(first && body.slice(first.start, first.end)).toBe(
      "Pentagon Press Secretary Maj. Gen. Pat Ryder said the talks ended.",
    );
  });

  it("cut sentences at line breaks and sentence ends", () => {
    expect(analysis.sentences.map((s) => body.slice(s.start, s.end))).toEqual([
      "Pentagon Press Secretary Maj. Gen. Pat Ryder said the talks ended.",
      "President Erdoğan didn’t comment.",
      "Kyiv agreed.",
    ]);
  });

  it("keep a word with non-ASCII letters as one token, with a lemma", () => {
    expect(analysis.tokens.map((t) => t.text)).toContain("Erdoğan");
    expect(analysis.tokens.find((t) => t.text === "said")?.lemma).toBe("say");
  });
});
