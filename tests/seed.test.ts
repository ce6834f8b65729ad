// npm run seed's contract: idempotent, all-or-nothing, and a broken annotation is reported with
// its file, its item and the reason.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "../src/db/client.ts";
import { SeedError, seedDirectory } from "../src/domain/seeding.ts";
import { countRows, SEEDS_DIR, useTestDatabase } from "./support/test-database.ts";

useTestDatabase();

const SEED_FILE = "000_c259099762e85b88.json";
const original = JSON.parse(readFileSync(join(SEEDS_DIR, SEED_FILE), "utf8"));
const body = readFileSync(join(SEEDS_DIR, original.document.bodyFile), "utf8");

/** A seed folder holding the real seed plus, optionally, other files. */
function seedFolder(extra: Record<string, unknown> = {}, withOriginal = true): string {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-seed-"));
  copyFileSync(join(SEEDS_DIR, original.document.bodyFile), join(dir, original.document.bodyFile));
  if (withOriginal) copyFileSync(join(SEEDS_DIR, SEED_FILE), join(dir, SEED_FILE));
  for (const [name, content] of Object.entries(extra)) {
    writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}

/** A second, distinct document (its own body) built from the seed, then broken by `breakIt`. */
function brokenCopy(breakIt: (seed: any) => void) {
  const copy = structuredClone(original);
  copy.document.slug = "a-second-article";
  copy.document.bodyFile = "second.txt";
  breakIt(copy);
  return copy;
}

async function expectRejected(files: Record<string, unknown>, ...fragments: string[]) {
  const before = await countRows();
  const dir = seedFolder({ "second.txt": body, ...files });
  const error = await seedDirectory(getDb().prisma, dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SeedError);
  for (const fragment of fragments) expect((error as Error).message).toContain(fragment);
  expect(await countRows()).toEqual(before);
}

describe("a broken annotation is rejected and nothing at all is written", () => {
  it("a span off by one", async () => {
    const broken = brokenCopy((s) => {
      s.claims[3].span.start += 1;
    });
    await expectRejected({ "second.json": broken }, "second.json", "claims.3.span", "body.slice(");
  });

  it("an unknown actor", async () => {
    const broken = brokenCopy((s) => {
      s.claims[0].claimant = "Nobody In Particular";
    });
    await expectRejected(
      { "second.json": broken },
      "second.json",
      "claims.0.claimant",
      "unknown actor",
    );
  });

  it("a date that does not exist", async () => {
    const broken = brokenCopy((s) => {
      s.events[0].date = { ...s.events[0].date, start: "2025-02-30", end: "2025-02-30" };
    });
    await expectRejected({ "second.json": broken }, "events.0.date.start", "YYYY-MM-DD");
  });

  it("a date range that ends before it starts", async () => {
    const broken = brokenCopy((s) => {
      s.events[1].date = {
        text: "June",
        start: "2025-06-30",
        end: "2025-06-01",
        precision: "PART_OF_MONTH",
      };
    });
    await expectRejected({ "second.json": broken }, "events.1.date", "is after end");
  });

  it("a date inconsistent with its precision", async () => {
    const broken = brokenCopy((s) => {
      s.events[0].date = {
        text: "June",
        start: "2025-06-05",
        end: "2025-06-30",
        precision: "MONTH",
      };
    });
    await expectRejected({ "second.json": broken }, "events.0.date", "precision MONTH");
  });

  it("a quote that is not inside its span", async () => {
    const broken = brokenCopy((s) => {
      const quoted = s.claims.findIndex((c: any) => c.quote !== null);
      s.claims[quoted].quote = "words nobody said";
    });
    await expectRejected({ "second.json": broken }, "quote", "verbatim");
  });

  it("an unknown enum value", async () => {
    const broken = brokenCopy((s) => {
      s.claims[2].kind = "RUMOUR";
    });
    await expectRejected({ "second.json": broken }, "second.json", "claims.2.kind");
  });

  it("an event link to an event that is not declared", async () => {
    const broken = brokenCopy((s) => {
      s.claims[0].event = "no-such-event";
    });
    await expectRejected({ "second.json": broken }, "claims.0.event", "unknown event");
  });

  it("a file that is not JSON", async () => {
    await expectRejected({ "second.json": "{ not json" }, "second.json", "not valid JSON");
  });

  it("a missing body file", async () => {
    const broken = brokenCopy((s) => {
      s.document.bodyFile = "missing.txt";
    });
    await expectRejected({ "second.json": broken }, "document.bodyFile", "cannot read missing.txt");
  });

  it("a conflict found only in the database rolls back the files loaded before it", async () => {
    // Valid on its own, but "Kyiv" already names Ukraine, which the first file stores.
    const broken = brokenCopy((s) => {
      s.actors = [{ name: "Russia", kind: "COUNTRY", aliases: ["Kyiv"], mentions: [] }];
      s.events = [];
      s.claims = [];
    });
    await expectRejected({ "second.json": broken }, "second.json", "merge them first");
    expect((await countRows()).documents).toBe(0);
  });
});

describe("seeding", () => {
  it("loads the seed, then changes nothing when run again", async () => {
    const dir = seedFolder();
    const first = await seedDirectory(getDb().prisma, dir);
    expect(first.map((r) => r.status)).toEqual(["created"]);
    const counts = await countRows();
    expect(counts.claims).toBe(original.claims.length);
    expect(counts.events).toBe(original.events.length);
    const claimsBefore = await getDb().prisma.claim.findMany({ orderBy: { id: "asc" } });

    const second = await seedDirectory(getDb().prisma, dir);
    expect(second.map((r) => r.status)).toEqual(["unchanged"]);
    expect(await countRows()).toEqual(counts);
    expect(await getDb().prisma.claim.findMany({ orderBy: { id: "asc" } })).toEqual(claimsBefore);
  });

  it("replaces a document's annotation when its file changes, without duplicates", async () => {
    const edited = structuredClone(original);
    edited.claims = edited.claims.slice(1);
    const dir = seedFolder({ [SEED_FILE]: edited });
    const result = await seedDirectory(getDb().prisma, dir);
    expect(result.map((r) => r.status)).toEqual(["updated"]);
    const counts = await countRows();
    expect(counts.documents).toBe(1);
    expect(counts.claims).toBe(original.claims.length - 1);
    // Restore, so the suite leaves the seed as it found it.
    await seedDirectory(getDb().prisma, seedFolder());
    expect((await countRows()).claims).toBe(original.claims.length);
  });

  it("stores an alias only once however many documents declare it", async () => {
    const again = brokenCopy(() => {});
    await seedDirectory(
      getDb().prisma,
      seedFolder({ "second.txt": `${body}\n`, "second.json": again }),
    );
    const moscow = await getDb().prisma.actorAlias.findMany({ where: { aliasKey: "moscow" } });
    expect(moscow).toHaveLength(1);
    expect((await countRows()).documents).toBe(2);
  });
});
