// The floor: one hand-written SQL statement per workload, the JSON built by PostgreSQL
// (json_agg / json_build_object), sent through a pg Pool behind a bare node:http handler.
// POST /<workload> with the parameters as a JSON object; answers {"data": …}. No GraphQL, no
// validation beyond what the SQL itself checks, no auth: the least work that returns the data.
import { createServer } from "node:http";
import pg from "pg";
import { announce, benchRoute } from "./instrument.ts";

/** NFKC, trimmed, spaces collapsed, lower case: src/domain/names.ts nameKey, in SQL. */
const KEY = (expr: string) =>
  `lower(regexp_replace(btrim(normalize(${expr}, NFKC)), '\\s+', ' ', 'g'))`;

const HEADLINE =
  "'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"'";

/** The ts_headline output HTML-escaped outside <mark> tags, as newsgraph's escapeSnippet does. */
const ESCAPED = (expr: string) =>
  `replace(replace(replace(replace(replace(${expr}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '&lt;mark&gt;', '<mark>'), '&lt;/mark&gt;', '</mark>')`;

export const STATEMENTS: Record<string, { sql: string; params: (p: any) => unknown[] }> = {
  w1: {
    params: (p) => [p.id],
    sql: `SELECT json_build_object(
        'text', c."text", 'quote', c."quote", 'kind', c."kind",
        'span', json_build_object('start', c."spanStart", 'end', c."spanEnd", 'text', c."spanText"),
        'statedAt', CASE WHEN c."statedPrecision" IS NULL THEN NULL ELSE json_build_object(
          'start', c."statedStart", 'end', c."statedEnd", 'precision', c."statedPrecision",
          'text', c."statedText") END) AS data
      FROM "Claim" c WHERE c."id" = $1`,
  },
  w2: {
    params: (p) => [p.documents, p.claims],
    sql: `SELECT COALESCE(json_agg(json_build_object('title', d."title", 'publishedAt', d."publishedAt",
          'claims', cl.claims) ORDER BY d."publishedAt" DESC, d."id" DESC), '[]') AS data
      FROM (SELECT "id", "title", "publishedAt" FROM "Document"
            ORDER BY "publishedAt" DESC, "id" DESC LIMIT $1) d
      CROSS JOIN LATERAL (
        SELECT COALESCE(json_agg(json_build_object('text', c."text", 'kind', c."kind",
            'claimant', a."name", 'event', ev.obj) ORDER BY c."spanStart", c."id"), '[]') AS claims
        FROM (SELECT * FROM "Claim" WHERE "documentId" = d."id" ORDER BY "spanStart", "id" LIMIT $2) c
        LEFT JOIN "Actor" a ON a."id" = c."claimantId"
        LEFT JOIN LATERAL (
          SELECT json_build_object('title', e."title", 'participants', (
              SELECT COALESCE(json_agg(json_build_object('name', pa."name", 'role', p."role")
                ORDER BY p."id"), '[]')
              FROM "EventParticipant" p JOIN "Actor" pa ON pa."id" = p."actorId"
              WHERE p."eventId" = e."id")) AS obj
          FROM "Event" e WHERE e."id" = c."eventId") ev ON TRUE
      ) cl`,
  },
  w3: {
    params: (p) => [p.name, p.from, p.to, p.first],
    sql: `SELECT COALESCE(json_agg(json_build_object('text', c."text", 'statedStart', c."statedStart",
          'spanStart', c."spanStart", 'document', d."title") ORDER BY c."statedStart", c."id"), '[]') AS data
      FROM (SELECT c.* FROM "Claim" c JOIN "Actor" a ON a."id" = c."claimantId"
            WHERE a."name" = $1 AND c."statedStart" >= $2::date AND c."statedStart" <= $3::date
            ORDER BY c."statedStart", c."id" LIMIT $4) c
      JOIN "Document" d ON d."id" = c."documentId"`,
  },
  w4: {
    params: (p) => [p.query, p.first],
    sql: `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS q),
      hits AS (
        SELECT 'DOCUMENT'::text AS type, 0 AS type_order, d."id", ts_rank(d."searchVector", q.q)::float8 AS rank
          FROM "Document" d, q WHERE d."searchVector" @@ q.q
        UNION ALL
        SELECT 'CLAIM', 1, c."id", ts_rank(c."searchVector", q.q)::float8
          FROM "Claim" c, q WHERE c."searchVector" @@ q.q),
      page AS (SELECT * FROM hits ORDER BY rank DESC, type_order, "id" LIMIT $2)
      SELECT COALESCE(json_agg(json_build_object('type', page.type, 'rank', page.rank,
          'label', COALESCE(d."title", c."text"),
          'snippet', ${ESCAPED(`CASE page.type
            WHEN 'DOCUMENT' THEN ts_headline('english', d."title" || chr(10) || d."body", q.q, ${HEADLINE})
            ELSE ts_headline('english', concat_ws(' — ', c."text", c."quote", c."spanText"), q.q, ${HEADLINE}) END`)})
          ORDER BY page.rank DESC, page.type_order, page."id"), '[]') AS data
      FROM page CROSS JOIN q
      LEFT JOIN "Document" d ON page.type = 'DOCUMENT' AND d."id" = page."id"
      LEFT JOIN "Claim" c ON page.type = 'CLAIM' AND c."id" = page."id"`,
  },
  w5: {
    params: (p) => [p.kinds],
    sql: `WITH b AS (
        SELECT
          CASE WHEN e."datePrecision" = 'UNKNOWN' OR e."dateStart" IS NULL THEN NULL
               WHEN e."datePrecision" = 'YEAR' THEN date_trunc('year', e."dateStart")::date
               ELSE date_trunc('month', e."dateStart")::date END AS start,
          CASE WHEN e."datePrecision" = 'UNKNOWN' OR e."dateStart" IS NULL THEN 4
               WHEN e."datePrecision" = 'YEAR' THEN 3 ELSE 2 END AS rank
        FROM "Event" e WHERE e."kind" = ANY($1::"EventKind"[])),
      g AS (SELECT start, rank, count(*)::int AS n FROM b GROUP BY start, rank)
      SELECT COALESCE(json_agg(json_build_object(
          'key', CASE rank WHEN 4 THEN 'undated' WHEN 3 THEN to_char(start, 'YYYY') ELSE to_char(start, 'YYYY-MM') END,
          'count', n, 'start', start,
          'end', CASE rank WHEN 4 THEN NULL WHEN 3 THEN (start + interval '1 year - 1 day')::date
                 ELSE (start + interval '1 month - 1 day')::date END,
          'coarse', rank > 2,
          'precision', CASE rank WHEN 4 THEN 'UNKNOWN' WHEN 3 THEN 'YEAR' ELSE 'MONTH' END)
        ORDER BY start NULLS LAST, rank), '[]') AS data
      FROM g`,
  },
  w6create: {
    params: (p) => [p.title, p.body, p.publishedAt],
    sql: `WITH h AS (SELECT encode(sha256(convert_to($2::text, 'UTF8')), 'hex') AS hash)
      INSERT INTO "Document" ("slug", "title", "body", "publishedAt", "contentHash", "updatedAt")
      SELECT left(btrim(regexp_replace(lower($1::text), '[^a-z0-9]+', '-', 'g'), '-'), 60) || '-' || left(h.hash, 12),
        $1, $2, $3::timestamptz, h.hash, now() FROM h
      ON CONFLICT ("contentHash") DO UPDATE SET "updatedAt" = "Document"."updatedAt"
      RETURNING json_build_object('id', "id", 'created', xmax = 0) AS data`,
  },
  w6import: {
    params: (p) => [p.documentId, JSON.stringify(p.annotations)],
    sql: `WITH doc AS MATERIALIZED (SELECT "id", "body" FROM "Document" WHERE "id" = $1),
      a AS MATERIALIZED (SELECT x.v, ${KEY("x.v->>'name'")} AS key
        FROM jsonb_array_elements($2::jsonb->'actors') x(v)),
      new_actor AS (
        INSERT INTO "Actor" ("name", "nameKey", "kind", "description", "updatedAt")
        SELECT btrim(a.v->>'name'), a.key, (a.v->>'kind')::"ActorKind", a.v->>'description', now() FROM a
        WHERE NOT EXISTS (SELECT 1 FROM "Actor" x WHERE x."nameKey" = a.key)
          AND NOT EXISTS (SELECT 1 FROM "ActorAlias" al WHERE al."aliasKey" = a.key)
        ON CONFLICT ("nameKey") DO NOTHING RETURNING "id", "nameKey"),
      actor_id AS MATERIALIZED (
        SELECT a.v, a.key, COALESCE(n."id", x."id", al."actorId") AS id FROM a
        LEFT JOIN new_actor n ON n."nameKey" = a.key
        LEFT JOIN "Actor" x ON x."nameKey" = a.key
        LEFT JOIN "ActorAlias" al ON al."aliasKey" = a.key),
      names AS MATERIALIZED (
        SELECT key, id FROM actor_id
        UNION SELECT ${KEY("alias")}, id FROM actor_id, jsonb_array_elements_text(v->'aliases') alias),
      new_alias AS (
        INSERT INTO "ActorAlias" ("actorId", "alias", "aliasKey")
        SELECT id, btrim(alias), ${KEY("alias")} FROM actor_id, jsonb_array_elements_text(v->'aliases') alias
        ON CONFLICT ("aliasKey") DO NOTHING RETURNING 1),
      e AS MATERIALIZED (SELECT x.v FROM jsonb_array_elements($2::jsonb->'events') x(v)),
      event_id AS (
        INSERT INTO "Event" ("slug", "title", "kind", "status", "description", "location", "dateStart",
          "dateEnd", "datePrecision", "dateText", "dateYearInferred", "updatedAt")
        SELECT v->>'slug', v->>'title', (v->>'kind')::"EventKind", (v->>'status')::"EventStatus",
          v->>'description', v->>'location', (v->'date'->>'start')::date, (v->'date'->>'end')::date,
          (v->'date'->>'precision')::"DatePrecision", v->'date'->>'text',
          COALESCE((v->'date'->>'yearInferred')::boolean, false), now() FROM e
        -- Rows locked in one order by every writer: concurrent imports of shared events queue
        -- instead of deadlocking.
        ORDER BY v->>'slug'
        ON CONFLICT ("slug") DO UPDATE SET "title" = EXCLUDED."title", "kind" = EXCLUDED."kind",
          "status" = EXCLUDED."status", "description" = EXCLUDED."description",
          "location" = EXCLUDED."location", "dateStart" = EXCLUDED."dateStart",
          "dateEnd" = EXCLUDED."dateEnd", "datePrecision" = EXCLUDED."datePrecision",
          "dateText" = EXCLUDED."dateText", "dateYearInferred" = EXCLUDED."dateYearInferred",
          "updatedAt" = now()
        RETURNING "id", "slug"),
      participants AS (
        INSERT INTO "EventParticipant" ("eventId", "actorId", "role")
        SELECT ev."id", names.id, p->>'role' FROM e JOIN event_id ev ON ev."slug" = e.v->>'slug',
          jsonb_array_elements(e.v->'participants') p JOIN names ON names.key = ${KEY("p->>'actor'")}
        ORDER BY ev."id", names.id
        ON CONFLICT ("eventId", "actorId") DO UPDATE SET "role" = EXCLUDED."role" RETURNING 1),
      actor_span AS MATERIALIZED (
        SELECT actor_id.id, (m->>'start')::int AS s, (m->>'end')::int AS t, m->>'text' AS text
        FROM actor_id, jsonb_array_elements(actor_id.v->'mentions') m),
      event_span AS MATERIALIZED (
        SELECT ev."id", (m->>'start')::int AS s, (m->>'end')::int AS t, m->>'text' AS text
        FROM e JOIN event_id ev ON ev."slug" = e.v->>'slug', jsonb_array_elements(e.v->'mentions') m),
      c AS MATERIALIZED (
        SELECT x.v, nextval(pg_get_serial_sequence('"Claim"', 'id')) AS id
        FROM jsonb_array_elements($2::jsonb->'claims') x(v)),
      doc_actor AS (
        INSERT INTO "DocumentActor" ("documentId", "actorId")
        SELECT DISTINCT $1::int, id FROM actor_span ON CONFLICT DO NOTHING RETURNING 1),
      actor_mention AS (
        INSERT INTO "ActorMention" ("documentId", "actorId", "start", "end", "text")
        SELECT $1, id, s, t, text FROM actor_span ON CONFLICT DO NOTHING RETURNING 1),
      doc_event AS (
        INSERT INTO "DocumentEvent" ("documentId", "eventId")
        SELECT DISTINCT $1::int, id FROM event_span ON CONFLICT DO NOTHING RETURNING 1),
      event_mention AS (
        INSERT INTO "EventMention" ("documentId", "eventId", "start", "end", "text")
        SELECT $1, id, s, t, text FROM event_span ON CONFLICT DO NOTHING RETURNING 1),
      claim AS (
        INSERT INTO "Claim" ("id", "documentId", "text", "quote", "kind", "claimantId", "eventId",
          "spanStart", "spanEnd", "spanText", "statedStart", "statedEnd", "statedPrecision",
          "statedText", "statedYearInferred", "updatedAt")
        SELECT c.id, $1, v->>'text', v->>'quote', (v->>'kind')::"ClaimKind",
          (SELECT names.id FROM names WHERE names.key = ${KEY("c.v->>'claimant'")}),
          (SELECT ev."id" FROM event_id ev WHERE ev."slug" = c.v->>'event'),
          (v->'span'->>'start')::int, (v->'span'->>'end')::int, v->'span'->>'text',
          (v->'statedAt'->>'start')::date, (v->'statedAt'->>'end')::date,
          (v->'statedAt'->>'precision')::"DatePrecision", v->'statedAt'->>'text',
          COALESCE((v->'statedAt'->>'yearInferred')::boolean, false), now() FROM c
        RETURNING 1),
      subject AS (
        INSERT INTO "ClaimSubject" ("claimId", "actorId")
        SELECT DISTINCT c.id, names.id FROM c, jsonb_array_elements_text(c.v->'subjects') s
          JOIN names ON names.key = ${KEY("s")}
        ON CONFLICT DO NOTHING RETURNING 1),
      -- Every span must be the body's text there (ASCII bodies: substr counts code points).
      bad AS (
        SELECT count(*) AS n FROM doc, (
          SELECT s, t, text FROM actor_span UNION ALL SELECT s, t, text FROM event_span
          UNION ALL SELECT (v->'span'->>'start')::int, (v->'span'->>'end')::int, v->'span'->>'text' FROM c) sp
        WHERE substr(doc."body", sp.s + 1, sp.t - sp.s) IS DISTINCT FROM sp.text)
      SELECT json_build_object(
          'actors', (SELECT count(*) FROM actor_id), 'events', (SELECT count(*) FROM event_id),
          'claims', (SELECT count(*) FROM claim), 'actorMentions', (SELECT count(*) FROM actor_mention),
          'eventMentions', (SELECT count(*) FROM event_mention),
          'ok', 1 / (CASE WHEN (SELECT n FROM bad) = 0 AND EXISTS (SELECT 1 FROM doc) THEN 1 ELSE 0 END)
            + (SELECT count(*) FROM new_alias) * 0 + (SELECT count(*) FROM participants) * 0
            + (SELECT count(*) FROM doc_actor) * 0 + (SELECT count(*) FROM doc_event) * 0
            + (SELECT count(*) FROM subject) * 0) AS data`,
  },
};

/** Every column as the text PostgreSQL sent (no JSON.parse of what goes straight out). */
const RAW = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on("error", () => {});

const server = createServer((req, res) => {
  if (benchRoute(req, res)) return;
  const statement = STATEMENTS[(req.url ?? "").slice(1)];
  if (req.method !== "POST" || statement === undefined) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    let params: unknown[];
    try {
      params = statement.params(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    } catch {
      res.writeHead(400).end();
      return;
    }
    // The JSON comes back as text: PostgreSQL built it, node only passes it on.
    pool.query({ text: statement.sql, values: params, types: RAW }).then(
      (result) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(`{"data":${result.rows[0]?.data ?? "null"}}`);
      },
      (error: Error) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ errors: [{ message: error.message }] }));
      },
    );
  });
});
server.listen(Number(process.env.BENCH_PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  announce(typeof address === "object" && address ? address.port : 0);
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close();
  void pool.end().finally(() => process.exit(0));
});
