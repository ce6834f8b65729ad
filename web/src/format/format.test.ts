import { describe, expect, it } from "vitest";
import { formatFuzzyDate } from "./fuzzy-date.ts";
import { decodeEntities, snippetParts } from "./snippet.tsx";

describe("formatFuzzyDate", () => {
  it("says a date as precisely as it is known, and whether its year was inferred", () => {
    const day = { start: "2025-07-05", end: "2025-07-05", precision: "DAY" as const };
    expect(formatFuzzyDate({ ...day, yearInferred: false })).toBe("July 5, 2025");
    expect(formatFuzzyDate({ ...day, yearInferred: true })).toBe("July 5, 2025 (inferred year)");
    const part = (start: string, end: string) =>
      formatFuzzyDate({ start, end, precision: "PART_OF_MONTH", yearInferred: true });
    expect(part("2025-06-21", "2025-06-30")).toBe("late June 2025 (inferred year)");
    expect(part("2025-06-01", "2025-06-10")).toBe("early June 2025 (inferred year)");
    expect(part("2025-06-11", "2025-06-20")).toBe("mid-June 2025 (inferred year)");
    expect(part("2025-06-05", "2025-06-18")).toBe("June 5–18, 2025 (inferred year)");
    expect(
      formatFuzzyDate({
        start: "2025-08-01",
        end: "2025-08-31",
        precision: "MONTH",
        yearInferred: false,
      }),
    ).toBe("August 2025");
    expect(
      formatFuzzyDate({
        start: "2024-01-01",
        end: "2024-12-31",
        precision: "YEAR",
        yearInferred: false,
      }),
    ).toBe("2024");
  });

  it("keeps the words of an unknown date, with the first day it can mean", () => {
    expect(
      formatFuzzyDate({
        start: "2025-06-24",
        end: null,
        precision: "UNKNOWN",
        text: "in the coming days",
        yearInferred: true,
      }),
    ).toBe("“in the coming days” (not before June 24, 2025; inferred year)");
    expect(formatFuzzyDate({ precision: "UNKNOWN", text: "soon", yearInferred: false })).toBe(
      "“soon”",
    );
    expect(formatFuzzyDate(null)).toBe("no date");
  });
});

describe("search snippets", () => {
  it("turns <mark> into marked parts and keeps everything else as text", () => {
    expect(
      snippetParts("a <mark>prisoner</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; b"),
    ).toEqual([
      { text: "a ", marked: false },
      { text: "prisoner", marked: true },
      { text: " <script>alert(1)</script> & b", marked: false },
    ]);
  });

  it("decodes numeric entities and leaves unknown ones alone", () => {
    expect(decodeEntities("&#39;x&#x27; &quot;y&quot; &nbsp; &#99999999;")).toBe(
      "'x' \"y\" &nbsp; &#99999999;",
    );
  });
});
