-- Full-text search (src/domain/search.ts). Each searchable table gets a stored tsvector that
-- PostgreSQL computes itself (GENERATED ALWAYS AS ... STORED), so every write path, the seeder
-- included, keeps it current without knowing it exists. Each has a GIN index for @@.
-- The text search configuration is 'english' throughout, and the queries must use the same one.
-- Weights: A for what names the row (title, name, alias), B for its content (body, claim text,
-- quote, description), C for context (a claim's source span, an event's location).
--
-- Keep prisma/schema.prisma in step: there each column is Unsupported("tsvector")? with
-- @default(dbgenerated("...")) holding the expression exactly as PostgreSQL prints it back, plus
-- @@index([searchVector], type: Gin). That is how the schema engine reads these columns, so
-- db:diff then sees no difference. The search migration in prisma/migrations is the source of
-- truth, a diff from an empty database would emit a plain DEFAULT, which PostgreSQL refuses.
--
-- Actor aliases live in ActorAlias, which a generated column on Actor cannot read: ActorAlias
-- gets a vector of its own, and the search query combines the two (see src/domain/search.ts).

-- AlterTable
ALTER TABLE "Document" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
    setweight(to_tsvector('english'::regconfig, "body"), 'B')
) STORED;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, "text"), 'B') ||
    setweight(to_tsvector('english'::regconfig, COALESCE("quote", '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, "spanText"), 'C')
) STORED;

-- AlterTable
ALTER TABLE "Actor" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, "name"), 'A') ||
    setweight(to_tsvector('english'::regconfig, COALESCE("description", '')), 'B')
) STORED;

-- AlterTable
ALTER TABLE "ActorAlias" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, "alias"), 'A')
) STORED;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
    setweight(to_tsvector('english'::regconfig, COALESCE("description", '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, COALESCE("location", '')), 'C')
) STORED;

-- CreateIndex
CREATE INDEX "Document_searchVector_idx" ON "Document" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Claim_searchVector_idx" ON "Claim" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Actor_searchVector_idx" ON "Actor" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "ActorAlias_searchVector_idx" ON "ActorAlias" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Event_searchVector_idx" ON "Event" USING GIN ("searchVector");
