import { describe, expect, it } from "vitest";
import { addDays, addYears, fuzzyDateProblems, parseIsoDate } from "../src/domain/fuzzy-dates.ts";
import { escapeRegExp, nameKey, slugify } from "../src/domain/names.ts";
import { spanProblem } from "../src/domain/spans.ts";

describe("spans", () => {
  const body = "Peskov said ‘yes’ — 🇺🇦 Kyiv agreed.";

  it("accept exactly body.slice(start, end)", () => {
    const start = body.indexOf("Kyiv");
    expect(spanProblem(body, { start, end: start + 4, text: "Kyiv" })).toBeNull();
  });

  it("count JavaScript string indices, so astral characters take two", () => {
    const start = body.indexOf("🇺🇦");
    expect(spanProblem(body, { start, end: start + 4, text: "🇺🇦" })).toBeNull();
    expect(spanProblem(body, { start, end: start + 2, text: "🇺🇦" })).not.toBeNull();
  });

  it("say where the text really is when the offsets are off by one", () => {
    const start = body.indexOf("Kyiv");
    const problem = spanProblem(body, { start: start + 1, end: start + 5, text: "Kyiv" });
    expect(problem).toContain(`occurs at ${start}–${start + 4}`);
  });

  it.each([
    [{ start: -1, end: 3, text: "Pes" }, "negative"],
    [{ start: 3, end: 3, text: "" }, "greater than start"],
    [{ start: 0, end: 999, text: "x" }, "past the end"],
    [{ start: 0, end: 6, text: "Putin!" }, "does not occur"],
  ])("reject %j", (span, reason) => {
    expect(spanProblem(body, span)).toContain(reason);
  });
});

describe("fuzzy dates", () => {
  const date = (fields: object) =>
    ({ start: null, end: null, text: null, yearInferred: false, ...fields }) as any;

  it("accept a day, part of a month, a month, a year and an unknown date with its words", () => {
    expect(
      fuzzyDateProblems(date({ precision: "DAY", start: "2025-07-05", end: "2025-07-05" })),
    ).toEqual([]);
    expect(
      fuzzyDateProblems(
        date({
          precision: "PART_OF_MONTH",
          start: "2025-06-21",
          end: "2025-06-30",
          text: "late June",
        }),
      ),
    ).toEqual([]);
    expect(
      fuzzyDateProblems(date({ precision: "MONTH", start: "2024-02-01", end: "2024-02-29" })),
    ).toEqual([]);
    expect(
      fuzzyDateProblems(date({ precision: "YEAR", start: "2025-01-01", end: "2025-12-31" })),
    ).toEqual([]);
    expect(fuzzyDateProblems(date({ precision: "UNKNOWN", text: "in the coming days" }))).toEqual(
      [],
    );
  });

  it.each([
    [{ precision: "DAY", start: "2025-07-05", end: "2025-07-06" }, "start equal to end"],
    [{ precision: "PART_OF_MONTH", start: "2025-06-21", end: "2025-07-02" }, "same month"],
    [{ precision: "MONTH", start: "2025-02-01", end: "2025-02-29" }, "not a real date"],
    [{ precision: "MONTH", start: "2025-06-01", end: "2025-06-29" }, "last day"],
    [{ precision: "YEAR", start: "2025-01-02", end: "2025-12-31" }, "January 1"],
    [{ precision: "DAY", start: "2025-07-06", end: "2025-07-05" }, "after end"],
    [{ precision: "DAY" }, "needs both start and end"],
    [{ precision: "UNKNOWN" }, "original text"],
  ])("reject %j", (fields, reason) => {
    expect(fuzzyDateProblems(date(fields)).join("; ")).toContain(reason);
  });

  it("parse only real calendar days", () => {
    expect(parseIsoDate("2024-02-29")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(parseIsoDate("2025-02-29")).toBeNull();
    expect(parseIsoDate("2025-7-5")).toBeNull();
  });
});

describe("names", () => {
  it("compare case-, space- and width-insensitively", () => {
    expect(nameKey("  Dmitry   PESKOV ")).toBe(nameKey("dmitry peskov"));
    expect(nameKey("Ｋｙｉｖ")).toBe(nameKey("Kyiv"));
    expect(nameKey("Kyiv")).not.toBe(nameKey("Kiev"));
  });

  it("slugify titles into lower-case dashed words", () => {
    expect(slugify("Peskov: ‘Expecting clarity’ on talks — Istanbul, Türkiye")).toBe(
      "peskov-expecting-clarity-on-talks-istanbul-turkiye",
    );
    expect(slugify("…")).toBe("untitled");
  });
});

describe("escapeRegExp", () => {
  it("makes a name a literal pattern", () => {
    expect(new RegExp(`^${escapeRegExp("U.S.")}$`, "u").test("UxSx")).toBe(false);
    expect(new RegExp(`^${escapeRegExp("U.S.")}$`, "u").test("U.S.")).toBe(true);
    expect(() => new RegExp(escapeRegExp("Hamas (Gaza"), "u")).not.toThrow();
  });
});

describe("ISO day arithmetic", () => {
  it("moves across months, years and leap days", () => {
    expect(addDays("2024-02-26", 7)).toBe("2024-03-04");
    expect(addDays("2025-01-03", -7)).toBe("2024-12-27");
    expect(addYears("2019-10-31", -1)).toBe("2018-10-31");
  });
});
