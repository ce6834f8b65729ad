import { describe, expect, it } from "vitest";
import { findDates, referenceDate } from "../../src/extract/dates.ts";

const published = referenceDate("2025-07-06");
const datesIn = (text: string) => findDates(text, published).map((d) => d.date);

describe("fuzzy dates against the publication date", () => {
  it("read a day without a year as that day in the publication year, year inferred", () => {
    expect(datesIn("The talks on June 2nd ended.")).toEqual([
      {
        text: "June 2nd",
        start: "2025-06-02",
        end: "2025-06-02",
        precision: "DAY",
        yearInferred: true,
      },
    ]);
  });

  it("read late June as its last third", () => {
    expect(datesIn("The video surfaced in late June, officials said.")).toEqual([
      {
        text: "late June",
        start: "2025-06-21",
        end: "2025-06-30",
        precision: "PART_OF_MONTH",
        yearInferred: true,
      },
    ]);
  });

  it("read a month, a year and vague phrases", () => {
    expect(datesIn("It began in March 2024.")[0]).toMatchObject({
      start: "2024-03-01",
      end: "2024-03-31",
      precision: "MONTH",
      yearInferred: false,
    });
    expect(datesIn("They met in 2019 for the first time.")[0]).toMatchObject({
      start: "2019-01-01",
      end: "2019-12-31",
      precision: "YEAR",
    });
    expect(datesIn("A third round is due in the coming days.")[0]).toMatchObject({
      text: "in the coming days",
      start: null,
      end: null,
      precision: "UNKNOWN",
    });
  });

  it("put a bare weekday in the week before publication, not after", () => {
    expect(datesIn("The ministry said on Tuesday that it agreed.")[0]).toMatchObject({
      start: "2025-07-01",
      precision: "DAY",
    });
  });

  it("not read the modal verb may as the month", () => {
    expect(datesIn("The talks may resume.")).toEqual([]);
  });

  it("leave out spans counted from an event rather than from publication", () => {
    const found = datesIn("On September 13, two days after the ruling, he spoke again.");
    expect(found.map((d) => d.text)).toEqual(["September 13"]);
  });

  it("read 'in the next ten days' as the days from publication to the tenth", () => {
    expect(datesIn("He will send a bill in the next ten days.")[0]).toMatchObject({
      start: "2025-07-06",
      end: "2025-07-16",
      precision: "UNKNOWN",
    });
  });

  it("do not read a duration as a date", () => {
    expect(datesIn("The talks lasted for two weeks.")).toEqual([]);
    expect(
      datesIn("For three days last week, the court heard arguments.").map((d) => d.text),
    ).toEqual(["last week"]);
  });

  it("read 'last several months' as a span up to publication, not one month", () => {
    const [lately] = datesIn("The militia attacked the base over the last several months.");
    expect(lately?.precision).toBe("UNKNOWN");
    expect(lately?.end).toBe("2025-07-06");
    expect(lately?.start && lately.start < "2025-03-01").toBe(true);
  });

  it("read a year that opens a sentence ('In 2012, …', 'The 2014 uprising …')", () => {
    expect(datesIn("In 2012, the army seized the port.").map((d) => d.start)).toEqual([
      "2012-01-01",
    ]);
    expect(datesIn("The 2014 uprising ended quickly.").map((d) => d.end)).toEqual(["2014-12-31"]);
  });

  it("read a year inside a noun phrase before a name or after an adjective", () => {
    expect(
      datesIn("Erdogan helped broker the 2022 Black Sea grain deal.").map((d) => d.start),
    ).toEqual(["2022-01-01"]);
    expect(datesIn("Officials are preparing the upcoming 2026 census.").map((d) => d.end)).toEqual([
      "2026-12-31",
    ]);
  });

  it("put 'last' with a month still ahead this year in the year before", () => {
    expect(datesIn("Last November, the ministry listed the group.")[0]).toMatchObject({
      start: "2024-11-01",
      end: "2024-11-30",
      precision: "MONTH",
    });
  });
});

describe("dates counted from the date before them", () => {
  const texts = (body: string) =>
    datesIn(body).map((d) => `${d.text}:${d.start}..${d.end}:${d.precision}`);

  it("count 'the next day', 'that day' and 'a few days later' from the last date given", () => {
    expect(
      texts(
        "On May 12, the envoy arrived in Doha. He met the emir the next day. A few days later " +
          "he left.",
      ),
    ).toEqual([
      "May 12:2025-05-12..2025-05-12:DAY",
      "the next day:2025-05-13..2025-05-13:DAY",
      "A few days later:2025-05-14..2025-05-20:PART_OF_MONTH",
    ]);
    expect(texts("On Friday the army said an attack that day killed two.")[1]).toBe(
      "that day:2025-07-04..2025-07-04:DAY",
    );
  });

  it("count years from a year, and leave a written date to say when", () => {
    expect(texts("The troops left in 2011 and returned three years later.")[1]).toBe(
      "three years later:2014-01-01..2014-12-31:YEAR",
    );
    expect(texts("On June 3 the court ruled. A few days later, on June 9, he resigned.")).toEqual([
      "June 3:2025-06-03..2025-06-03:DAY",
      "June 9:2025-06-09..2025-06-09:DAY",
    ]);
  });

  it("do not count from a date that only names a thing in passing, nor from nothing", () => {
    expect(
      texts("On Monday the ministers rejected the May 2 accord. The following day they met."),
    ).toContain("The following day:2025-07-01..2025-07-01:DAY");
    expect(texts("The next day, the talks resumed.")).toEqual([]);
  });

  it("do not read 'for a few weeks' as a date", () => {
    expect(datesIn("Protesters camped there for a few weeks.")).toEqual([]);
  });
});

describe("a range of days", () => {
  it("is part of its month, not a DAY", () => {
    const [range] = findDates(
      "The talks in Astana on May 3-4 were confirmed.",
      new Date("2017-05-02"),
    );
    expect(range?.date).toMatchObject({
      start: "2017-05-03",
      end: "2017-05-04",
      precision: "PART_OF_MONTH",
    });
  });
});
