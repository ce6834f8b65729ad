// Deterministic corpus for the benchmark: a shared pool of actors (with aliases) and events,
// and documents whose bodies, mentions and claims are built together so that every span
// satisfies body.slice(start, end) === text. Document i depends only on the seed, the pool and
// i, so a corpus of 1,000 documents is the prefix of one of 100,000 (the growth runs add rows).
import { createHash } from "node:crypto";
import type { Annotation } from "../src/domain/annotation-format.ts";
import { nameKey, slugify } from "../src/domain/names.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import type {
  ActorKind,
  ClaimKind,
  DatePrecision,
  EventKind,
  EventStatus,
} from "../src/generated/prisma/enums.ts";

export const SEED = 20_261_126;

/** mulberry32: small, fast, good enough for test data, and the same everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
const int = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
/** Skewed towards small indexes: a few actors and events are everywhere, most are rare. */
const skewed = (r: Rand, n: number) => Math.min(n - 1, Math.floor(n * r() ** 2.2));

const FIRST = `Anna Boris Carla Dmitry Elena Farid Greta Hassan Irina Jonas Katya Leon Maria Nikolai
  Olga Pavel Quentin Rosa Sergei Tamara Umar Vera Walter Xenia Yusuf Zofia Amir Beata Cyril Dana
  Emil Fatima Gleb Hanna Igor Julia Karim Lena Marek Nadia`.split(/\s+/u);
const LAST = `Petrov Kovalenko Schmidt Novak Haddad Ivanova Moreau Rossi Lindqvist Okafor Tanaka
  Sokolov Bauer Horvat Dubois Fischer Kowalski Marchetti Nielsen Orlov Popescu Quinn Romero Sato
  Tkachenko Ueda Varga Weber Yilmaz Zielinski Abbasi Brandt Castro Demir Eriksen Fontaine Garcia
  Hoffmann Ilyin Jansen Kaplan Lange Mazur Nowak Olsen Pavlenko Rahman Stein Toth Vogel Wagner
  Yakovlev Zhukov Arslan Becker Costa Dahl Engel Frolov Gusev`.split(/\s+/u);
const ORG_ADJ = `National United Federal Central Eastern Western Northern Southern Independent Joint
  Civic Free Democratic Royal Regional International Baltic Pacific Atlantic Continental Allied
  Popular Republican Social Green Liberal Coastal Highland Border Capital`.split(/\s+/u);
const ORG_NOUN = `Security Defense Energy Health Press Trade Justice Transport Labour Finance Water
  Grain Border Rights Peace Veterans Media Farmers Workers Science Youth Aviation Maritime Customs
  Archive Rail Harbour Mining Forestry Telecom`.split(/\s+/u);
const ORG_TYPE = `Council Ministry Agency Committee Union Service Institute Front Bureau Network
  Authority Commission`.split(/\s+/u);
const COUNTRIES = `Ardenia Borvia Calmaria Dovland Estrovia Felmark Galvania Hestria Istova Jorvik
  Kalmora Lestria Montavia Nordvik Ostrana Pelagia Quarnia Rovenia Sarmatia Tavria Ulmeria Valdora
  Westmark Yaroslavia Zemgalia`.split(/\s+/u);
const CITIES = `Istanbul Geneva Vienna Doha Riyadh Minsk Warsaw Helsinki Oslo Ankara Baku Tbilisi
  Astana Cairo Nairobi Lisbon Prague Budapest Sofia Bucharest`.split(/\s+/u);
const EVENT_ADJ = `emergency preliminary second final informal trilateral bilateral extended
  closed-door high-level technical urgent`.split(/\s+/u);
const EVENT_NOUN: [string, EventKind][] = [
  ["ceasefire talks", "NEGOTIATION"],
  ["peace negotiations", "NEGOTIATION"],
  ["grain agreement", "AGREEMENT"],
  ["prisoner exchange", "PRISONER_EXCHANGE"],
  ["detainee swap", "PRISONER_EXCHANGE"],
  ["aid convoy transfer", "TRANSFER"],
  ["press statement", "STATEMENT"],
  ["media briefing", "MEDIA_COVERAGE"],
  ["border offensive", "MILITARY_ACTION"],
  ["drone strike", "MILITARY_ACTION"],
  ["evacuation corridor", "HUMANITARIAN"],
  ["donor conference", "OTHER"],
];
const ROLES = ["negotiator", "host", "mediator", "subject", "observer", "signatory", "guarantor"];
const FILLER = `the a of to in and on for with by at from about after before during over under
  officials said reported according week day month year government talks sides agreement process
  statement issue question meeting region city border forces troops people residents families
  security situation conditions support response plan proposal terms release return exchange group
  military civilian humanitarian aid supplies delegation spokesperson minister president council
  committee sources confirmed denied expected announced described called urged warned noted added
  earlier later recent current further new several many few other local regional international
  public official formal initial final broader direct indirect possible likely unclear significant
  political economic diplomatic legal technical practical immediate gradual partial full temporary
  lasting continued renewed stalled ongoing planned scheduled delayed postponed resumed`.split(
  /\s+/u,
);
const SAY = ["said", "told reporters", "stated", "insisted", "warned", "argued", "claimed"];
const CLAIM_KINDS: ClaimKind[] = [
  "FACTUAL",
  "STATEMENT",
  "ASSESSMENT",
  "PREDICTION",
  "SPECULATION",
];
const STATUSES: EventStatus[] = ["OCCURRED", "ONGOING", "PLANNED"];
const MONTHS = `January February March April May June July August September October November
  December`.split(/\s+/u);
const UNKNOWN_TEXT = ["in the coming days", "recently", "soon", "at some point", "earlier"];

export interface FuzzyDate {
  start: Date | null;
  end: Date | null;
  precision: DatePrecision;
  text: string;
  yearInferred: boolean;
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const isoDay = (d: Date | null) => (d === null ? null : d.toISOString().slice(0, 10));

/** A fuzzy date of any precision between 2023 and 2025, consistent with its precision. */
function fuzzyDate(r: Rand): FuzzyDate {
  const year = int(r, 2023, 2025);
  const month = int(r, 0, 11);
  const yearInferred = r() < 0.2;
  const roll = r();
  if (roll < 0.35) {
    const day = utc(year, month, int(r, 1, 28));
    return {
      start: day,
      end: day,
      precision: "DAY",
      text: `${MONTHS[month]} ${day.getUTCDate()}`,
      yearInferred,
    };
  }
  if (roll < 0.55) {
    const part = int(r, 0, 2);
    const last = utc(year, month + 1, 0).getUTCDate();
    const [from, to] = part === 0 ? [1, 10] : part === 1 ? [11, 20] : [21, last];
    const word = ["early", "mid-", "late"][part];
    return {
      start: utc(year, month, from),
      end: utc(year, month, to),
      precision: "PART_OF_MONTH",
      text: part === 1 ? `mid-${MONTHS[month]}` : `${word} ${MONTHS[month]}`,
      yearInferred,
    };
  }
  if (roll < 0.75) {
    return {
      start: utc(year, month, 1),
      end: utc(year, month + 1, 0),
      precision: "MONTH",
      text: `in ${MONTHS[month]}`,
      yearInferred,
    };
  }
  if (roll < 0.87) {
    return {
      start: utc(year, 0, 1),
      end: utc(year, 11, 31),
      precision: "YEAR",
      text: `in ${year}`,
      yearInferred: false,
    };
  }
  return {
    start: null,
    end: null,
    precision: "UNKNOWN",
    text: pick(r, UNKNOWN_TEXT),
    yearInferred: false,
  };
}

export interface PoolActor {
  id: number;
  name: string;
  kind: ActorKind;
  aliases: string[];
  description: string | null;
}

export interface PoolEvent {
  id: number;
  slug: string;
  title: string;
  kind: EventKind;
  status: EventStatus;
  location: string;
  description: string | null;
  date: FuzzyDate;
  participants: { actor: number; role: string | null }[];
}

export interface Pool {
  actors: PoolActor[];
  events: PoolEvent[];
  /** Stored both ways (A PRECEDES B, B FOLLOWS A), as the API stores them. */
  relations: { from: number; to: number; kind: "PRECEDES" | "FOLLOWS" }[];
}

/** Pool sizes for a corpus that will grow to `maxDocs` documents. */
export function poolSizes(maxDocs: number) {
  return {
    actors: Math.max(60, Math.min(3000, Math.round(maxDocs * 0.3))),
    events: Math.max(30, Math.min(20_000, Math.round(maxDocs * 0.6))),
  };
}

export function generatePool(maxDocs: number): Pool {
  const r = rng(SEED);
  const sizes = poolSizes(maxDocs);
  const keys = new Set<string>();
  const actors: PoolActor[] = [];
  const kinds: ActorKind[] = [
    "PERSON",
    "PERSON",
    "PERSON",
    "ORGANIZATION",
    "GOVERNMENT",
    "MEDIA",
    "GROUP",
  ];
  for (const country of COUNTRIES) {
    keys.add(nameKey(country));
    actors.push({
      id: actors.length + 1,
      name: country,
      kind: "COUNTRY",
      aliases: [],
      description: `The state of ${country}.`,
    });
  }
  // Capitals as aliases of the countries ("Moscow" → Russia).
  for (const [i, city] of CITIES.entries()) {
    const actor = actors[i % actors.length] as PoolActor;
    if (i < COUNTRIES.length && !keys.has(nameKey(city))) {
      keys.add(nameKey(city));
      actor.aliases.push(city);
    }
  }
  while (actors.length < sizes.actors) {
    const kind = pick(r, kinds);
    let name: string;
    let aliases: string[];
    if (kind === "PERSON") {
      const first = pick(r, FIRST);
      const last = pick(r, LAST);
      name = `${first} ${last}`;
      aliases = [
        `${first[0]}. ${last}`,
        `${pick(r, ["Minister", "General", "Envoy", "Mayor"])} ${last}`,
      ];
    } else {
      const words =
        kind === "MEDIA"
          ? [pick(r, ORG_ADJ), pick(r, ["Herald", "Gazette", "Courier", "Broadcasting", "Wire"])]
          : [pick(r, ORG_ADJ), pick(r, ORG_NOUN), pick(r, ORG_TYPE)];
      name = words.join(" ");
      aliases = [words.map((w) => w[0]).join("")];
    }
    if (keys.has(nameKey(name))) continue;
    keys.add(nameKey(name));
    const kept = aliases.filter((alias) => r() < 0.6 && !keys.has(nameKey(alias)));
    for (const alias of kept) keys.add(nameKey(alias));
    actors.push({
      id: actors.length + 1,
      name,
      kind,
      aliases: kept,
      description: r() < 0.5 ? `${name}, a ${kind.toLowerCase()} in the reports.` : null,
    });
  }
  const events: PoolEvent[] = [];
  for (let id = 1; id <= sizes.events; id++) {
    const [noun, kind] = pick(r, EVENT_NOUN);
    const location = pick(r, CITIES);
    const title = `${pick(r, EVENT_ADJ)} ${noun} in ${location}`.replace(/^./u, (c) =>
      c.toUpperCase(),
    );
    const participants = new Map<number, string | null>();
    const count = int(r, 2, 4);
    while (participants.size < count) {
      participants.set(skewed(r, actors.length) + 1, r() < 0.8 ? pick(r, ROLES) : null);
    }
    events.push({
      id,
      slug: `${slugify(title, 100)}-${id}`,
      title,
      kind,
      status: pick(r, STATUSES),
      location,
      description: r() < 0.4 ? `The ${noun} reported in ${location}.` : null,
      date: fuzzyDate(r),
      participants: [...participants].map(([actor, role]) => ({ actor, role })),
    });
  }
  const relations: Pool["relations"] = [];
  for (let id = 2; id <= events.length; id++) {
    if (r() < 0.1) {
      const other = int(r, 1, id - 1);
      relations.push(
        { from: other, to: id, kind: "PRECEDES" },
        { from: id, to: other, kind: "FOLLOWS" },
      );
    }
  }
  return { actors, events, relations };
}

export interface GeneratedClaim {
  text: string;
  quote: string | null;
  kind: ClaimKind;
  claimant: number | null;
  subjects: number[];
  statedAt: FuzzyDate | null;
  event: number | null;
  span: { start: number; end: number; text: string };
}

export interface GeneratedDocument {
  index: number;
  slug: string;
  title: string;
  body: string;
  publishedAt: Date;
  actors: number[];
  events: number[];
  actorMentions: { actor: number; start: number; end: number; text: string }[];
  eventMentions: { event: number; start: number; end: number; text: string }[];
  claims: GeneratedClaim[];
}

const PUBLISHED_BASE = Date.UTC(2020, 0, 1);

function words(r: Rand, min: number, max: number): string {
  const n = int(r, min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(r, FILLER));
  return out.join(" ");
}

/** Document `index` (0-based): body of 400–1,200 words, ~8 actor mentions, ~5 events, ~15 claims. */
export function generateDocument(pool: Pool, index: number): GeneratedDocument {
  const r = rng(SEED ^ Math.imul(index + 1, 0x9e3779b1));
  const docActors = new Set<number>();
  const actorCount = int(r, 4, 6);
  while (docActors.size < actorCount) docActors.add(skewed(r, pool.actors.length) + 1);
  const docEvents = new Set<number>();
  const eventCount = int(r, 4, 6);
  while (docEvents.size < eventCount) docEvents.add(skewed(r, pool.events.length) + 1);
  const actorList = [...docActors];
  const eventList = [...docEvents];

  // Items, each its own sentence: actor mentions, event mentions, claims; filler around them.
  type Item =
    | { type: "actor"; actor: number }
    | { type: "event"; event: number }
    | { type: "claim" };
  const items: Item[] = [];
  for (const actor of actorList) items.push({ type: "actor", actor });
  for (let i = actorList.length; i < int(r, 7, 10); i++)
    items.push({ type: "actor", actor: pick(r, actorList) });
  for (const event of eventList) items.push({ type: "event", event });
  const claimCount = int(r, 12, 18);
  for (let i = 0; i < claimCount; i++) items.push({ type: "claim" });
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [items[i], items[j]] = [items[j] as Item, items[i] as Item];
  }

  const firstEvent = pool.events[(eventList[0] as number) - 1] as PoolEvent;
  const title = `${firstEvent.title}: ${words(r, 3, 7)}`;
  const targetWords = int(r, 400, 1200);
  let body = "";
  let wordCount = 0;
  const append = (text: string) => {
    body += body === "" ? text : ` ${text}`;
    wordCount += text.split(" ").length;
  };
  const sentence = (text: string) => text.replace(/^./u, (c) => c.toUpperCase());
  const fillerPerItem = Math.max(
    0,
    Math.floor((targetWords - items.length * 14) / (items.length + 1)),
  );
  const filler = () => {
    let left = fillerPerItem;
    while (left > 0) {
      const n = Math.min(left, int(r, 8, 18));
      append(`${sentence(words(r, n, n))}.`);
      left -= n;
    }
  };
  const actorMentions: GeneratedDocument["actorMentions"] = [];
  const eventMentions: GeneratedDocument["eventMentions"] = [];
  const claims: GeneratedClaim[] = [];
  const surfaceOf = (actor: PoolActor) =>
    actor.aliases.length > 0 && r() < 0.3 ? pick(r, actor.aliases) : actor.name;
  filler();
  for (const item of items) {
    if (item.type === "actor") {
      const actor = pool.actors[item.actor - 1] as PoolActor;
      const surface = surfaceOf(actor);
      const before = sentence(words(r, 2, 6));
      append(`${before} ${surface} ${words(r, 3, 8)}.`);
      const at = body.lastIndexOf(` ${surface} `) + 1;
      actorMentions.push({ actor: item.actor, start: at, end: at + surface.length, text: surface });
    } else if (item.type === "event") {
      const event = pool.events[item.event - 1] as PoolEvent;
      const lead = sentence(words(r, 2, 5));
      append(`${lead} the ${event.title} ${words(r, 3, 8)}.`);
      const at = body.lastIndexOf(` ${event.title} `) + 1;
      eventMentions.push({
        event: item.event,
        start: at,
        end: at + event.title.length,
        text: event.title,
      });
    } else {
      const claimant = r() < 0.8 ? pick(r, actorList) : null;
      const quote = words(r, 5, 12);
      const text =
        claimant === null
          ? `Reports say that ${quote}`
          : `${(pool.actors[claimant - 1] as PoolActor).name} ${pick(r, SAY)} "${quote}", ${words(r, 2, 5)}`;
      const start = body === "" ? 0 : body.length + 1;
      append(`${sentence(text)}.`);
      const spanText = body.slice(start);
      const subjects = new Set<number>();
      const subjectCount = int(r, 0, 2);
      for (let i = 0; i < subjectCount; i++) subjects.add(pick(r, actorList));
      claims.push({
        text: `Claim ${claims.length + 1}: ${quote.split(" ").slice(0, 6).join(" ")}`,
        quote: claimant === null || r() < 0.2 ? null : quote,
        kind: pick(r, CLAIM_KINDS),
        claimant,
        subjects: [...subjects],
        statedAt: r() < 0.8 ? fuzzyDate(r) : null,
        event: r() < 0.7 ? pick(r, eventList) : null,
        span: { start, end: body.length, text: spanText },
      });
    }
    filler();
  }
  while (wordCount < targetWords) append(`${sentence(words(r, 8, 16))}.`);
  const slug = `${slugify(title, 60)}-${index + 1}`;
  const publishedAt = new Date(PUBLISHED_BASE + index * 2_100_000 + Math.floor(r() * 2_000) * 1000);
  return {
    index,
    slug,
    title,
    body,
    publishedAt,
    actors: actorList,
    events: eventList,
    actorMentions,
    eventMentions,
    claims,
  };
}

const dateJson = (date: FuzzyDate) => ({
  text: date.text,
  start: isoDay(date.start),
  end: isoDay(date.end),
  precision: date.precision,
  yearInferred: date.yearInferred,
});

/**
 * The document as an annotation file's content (src/domain/annotation-format.ts), for the
 * write workload: every actor it names (mentioned, claimant, subject, participant) is declared
 * exactly as in the pool, so importing it changes no actor or event.
 */
export function toAnnotation(pool: Pool, doc: GeneratedDocument): Annotation {
  const declared = new Set<number>(doc.actors);
  for (const id of doc.events) {
    for (const p of (pool.events[id - 1] as PoolEvent).participants) declared.add(p.actor);
  }
  const actorName = (id: number) => (pool.actors[id - 1] as PoolActor).name;
  return {
    actors: [...declared].map((id) => {
      const actor = pool.actors[id - 1] as PoolActor;
      return {
        name: actor.name,
        kind: actor.kind,
        aliases: actor.aliases,
        description: actor.description,
        mentions: doc.actorMentions
          .filter((m) => m.actor === id)
          .map(({ start, end, text }) => ({ start, end, text })),
      };
    }),
    events: doc.events.map((id) => {
      const event = pool.events[id - 1] as PoolEvent;
      return {
        slug: event.slug,
        title: event.title,
        kind: event.kind,
        status: event.status,
        description: event.description,
        location: event.location,
        date: dateJson(event.date),
        participants: event.participants.map((p) => ({ actor: actorName(p.actor), role: p.role })),
        mentions: doc.eventMentions
          .filter((m) => m.event === id)
          .map(({ start, end, text }) => ({ start, end, text })),
        related: [],
      };
    }),
    claims: doc.claims.map((claim) => ({
      text: claim.text,
      quote: claim.quote,
      kind: claim.kind,
      claimant: claim.claimant === null ? null : actorName(claim.claimant),
      subjects: claim.subjects.map(actorName),
      statedAt: claim.statedAt === null ? null : dateJson(claim.statedAt),
      span: claim.span,
      event: claim.event === null ? null : (pool.events[claim.event - 1] as PoolEvent).slug,
    })),
  } as Annotation;
}

export function contentHash(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}

export interface WriteReport {
  documents: number;
  rows: number;
  ms: number;
}

const BATCH = 100;
// Prisma's default 5 s for an interactive transaction is too short for a batch of 100 documents
// (~5,600 rows) on a busy machine; the whole batch still commits or rolls back as one.
const BATCH_TRANSACTION = { timeout: 120_000, maxWait: 30_000 };

/**
 * Writes the pool (when `from` is 0) and documents [from, to) with multi-row inserts
 * (createMany), BATCH documents per transaction, ids assigned here so no row waits for another's
 * id; then moves the sequences past them and refreshes the planner statistics.
 */
export async function writeCorpus(
  prisma: PrismaClient,
  pool: Pool,
  from: number,
  to: number,
  onProgress?: (done: number, rows: number) => void,
): Promise<WriteReport> {
  const started = performance.now();
  let rows = 0;
  if (from === 0) {
    const now = new Date();
    for (let i = 0; i < pool.actors.length; i += 1000) {
      const chunk = pool.actors.slice(i, i + 1000);
      rows += (
        await prisma.actor.createMany({
          data: chunk.map((a) => ({
            id: a.id,
            name: a.name,
            nameKey: nameKey(a.name),
            kind: a.kind,
            description: a.description,
            updatedAt: now,
          })),
        })
      ).count;
      const aliases = chunk.flatMap((a) =>
        a.aliases.map((alias) => ({ actorId: a.id, alias, aliasKey: nameKey(alias) })),
      );
      if (aliases.length > 0) rows += (await prisma.actorAlias.createMany({ data: aliases })).count;
    }
    for (let i = 0; i < pool.events.length; i += 1000) {
      const chunk = pool.events.slice(i, i + 1000);
      rows += (
        await prisma.event.createMany({
          data: chunk.map((e) => ({
            id: e.id,
            slug: e.slug,
            title: e.title,
            kind: e.kind,
            status: e.status,
            description: e.description,
            location: e.location,
            dateStart: e.date.start,
            dateEnd: e.date.end,
            datePrecision: e.date.precision,
            dateText: e.date.text,
            dateYearInferred: e.date.yearInferred,
            updatedAt: now,
          })),
        })
      ).count;
      rows += (
        await prisma.eventParticipant.createMany({
          data: chunk.flatMap((e) =>
            e.participants.map((p) => ({ eventId: e.id, actorId: p.actor, role: p.role })),
          ),
        })
      ).count;
    }
    for (let i = 0; i < pool.relations.length; i += 5000) {
      rows += (
        await prisma.eventRelation.createMany({
          data: pool.relations
            .slice(i, i + 5000)
            .map((rel) => ({ fromEventId: rel.from, toEventId: rel.to, kind: rel.kind })),
        })
      ).count;
    }
  }
  // Claim ids continue from what is there (a growth step appends).
  let claimId =
    from === 0 ? 0 : ((await prisma.claim.aggregate({ _max: { id: true } }))._max.id ?? 0);
  for (let start = from; start < to; start += BATCH) {
    const docs: GeneratedDocument[] = [];
    for (let i = start; i < Math.min(to, start + BATCH); i++) docs.push(generateDocument(pool, i));
    const now = new Date();
    const claimRows = docs.flatMap((d) =>
      d.claims.map((c) => ({ id: ++claimId, documentId: d.index + 1, claim: c })),
    );
    rows += await prisma.$transaction(async (tx) => {
      let n = 0;
      n += (
        await tx.document.createMany({
          data: docs.map((d) => ({
            id: d.index + 1,
            slug: d.slug,
            title: d.title,
            body: d.body,
            publishedAt: d.publishedAt,
            contentHash: contentHash(d.body),
            createdAt: now,
            updatedAt: now,
          })),
        })
      ).count;
      n += (
        await tx.documentActor.createMany({
          data: docs.flatMap((d) =>
            d.actors.map((actorId) => ({ documentId: d.index + 1, actorId })),
          ),
        })
      ).count;
      n += (
        await tx.actorMention.createMany({
          data: docs.flatMap((d) =>
            d.actorMentions.map((m) => ({
              documentId: d.index + 1,
              actorId: m.actor,
              start: m.start,
              end: m.end,
              text: m.text,
            })),
          ),
        })
      ).count;
      n += (
        await tx.documentEvent.createMany({
          data: docs.flatMap((d) =>
            d.events.map((eventId) => ({ documentId: d.index + 1, eventId })),
          ),
        })
      ).count;
      n += (
        await tx.eventMention.createMany({
          data: docs.flatMap((d) =>
            d.eventMentions.map((m) => ({
              documentId: d.index + 1,
              eventId: m.event,
              start: m.start,
              end: m.end,
              text: m.text,
            })),
          ),
        })
      ).count;
      n += (
        await tx.claim.createMany({
          data: claimRows.map(({ id, documentId, claim: c }) => ({
            id,
            documentId,
            text: c.text,
            quote: c.quote,
            kind: c.kind,
            claimantId: c.claimant,
            eventId: c.event,
            spanStart: c.span.start,
            spanEnd: c.span.end,
            spanText: c.span.text,
            statedStart: c.statedAt?.start ?? null,
            statedEnd: c.statedAt?.end ?? null,
            statedPrecision: c.statedAt?.precision ?? null,
            statedText: c.statedAt?.text ?? null,
            statedYearInferred: c.statedAt?.yearInferred ?? false,
            createdAt: now,
            updatedAt: now,
          })),
        })
      ).count;
      const subjects = claimRows.flatMap(({ id, claim }) =>
        claim.subjects.map((actorId) => ({ claimId: id, actorId })),
      );
      if (subjects.length > 0) n += (await tx.claimSubject.createMany({ data: subjects })).count;
      return n;
    }, BATCH_TRANSACTION);
    onProgress?.(Math.min(to, start + BATCH), rows);
  }
  for (const table of [
    "Document",
    "Actor",
    "ActorAlias",
    "Event",
    "EventParticipant",
    "Claim",
    "ActorMention",
    "EventMention",
  ]) {
    await prisma.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT max("id") FROM "${table}"), 1))`,
    );
  }
  // VACUUM as well: otherwise autovacuum visits the new rows later, in the middle of a measurement.
  await prisma.$executeRawUnsafe("VACUUM (ANALYZE)");
  return { documents: to - from, rows, ms: performance.now() - started };
}
