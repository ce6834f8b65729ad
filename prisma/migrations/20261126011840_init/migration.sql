-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('PERSON', 'ORGANIZATION', 'GOVERNMENT', 'COUNTRY', 'MEDIA', 'GROUP');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('NEGOTIATION', 'AGREEMENT', 'PRISONER_EXCHANGE', 'TRANSFER', 'STATEMENT', 'MEDIA_COVERAGE', 'MILITARY_ACTION', 'HUMANITARIAN', 'OTHER');

-- CreateEnum
CREATE TYPE "EventStatus" AS ENUM ('OCCURRED', 'ONGOING', 'PLANNED');

-- CreateEnum
CREATE TYPE "ClaimKind" AS ENUM ('FACTUAL', 'STATEMENT', 'ASSESSMENT', 'PREDICTION', 'SPECULATION');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'PART_OF_MONTH', 'MONTH', 'YEAR', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "EventRelationKind" AS ENUM ('RELATED', 'PART_OF', 'HAS_PART', 'CAUSES', 'CAUSED_BY', 'PRECEDES', 'FOLLOWS');

-- CreateTable
CREATE TABLE "Document" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "source" TEXT,
    "url" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "language" TEXT NOT NULL DEFAULT 'en',
    "contentHash" TEXT NOT NULL,
    "annotationHash" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Actor" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActorAlias" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "aliasKey" TEXT NOT NULL,

    CONSTRAINT "ActorAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentActor" (
    "documentId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,

    CONSTRAINT "DocumentActor_pkey" PRIMARY KEY ("documentId","actorId")
);

-- CreateTable
CREATE TABLE "ActorMention" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "ActorMention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "quote" TEXT,
    "kind" "ClaimKind" NOT NULL,
    "claimantId" INTEGER,
    "eventId" INTEGER,
    "spanStart" INTEGER NOT NULL,
    "spanEnd" INTEGER NOT NULL,
    "spanText" TEXT NOT NULL,
    "statedStart" DATE,
    "statedEnd" DATE,
    "statedPrecision" "DatePrecision",
    "statedText" TEXT,
    "statedYearInferred" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimSubject" (
    "claimId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,

    CONSTRAINT "ClaimSubject_pkey" PRIMARY KEY ("claimId","actorId")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "EventKind" NOT NULL,
    "status" "EventStatus" NOT NULL,
    "description" TEXT,
    "location" TEXT,
    "dateStart" DATE,
    "dateEnd" DATE,
    "datePrecision" "DatePrecision" NOT NULL DEFAULT 'UNKNOWN',
    "dateText" TEXT,
    "dateYearInferred" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventParticipant" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "role" TEXT,

    CONSTRAINT "EventParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentEvent" (
    "documentId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,

    CONSTRAINT "DocumentEvent_pkey" PRIMARY KEY ("documentId","eventId")
);

-- CreateTable
CREATE TABLE "EventMention" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "EventMention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventRelation" (
    "fromEventId" INTEGER NOT NULL,
    "toEventId" INTEGER NOT NULL,
    "kind" "EventRelationKind" NOT NULL,

    CONSTRAINT "EventRelation_pkey" PRIMARY KEY ("fromEventId","toEventId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Document_slug_key" ON "Document"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Document_contentHash_key" ON "Document"("contentHash");

-- CreateIndex
CREATE INDEX "Document_publishedAt_idx" ON "Document"("publishedAt");

-- CreateIndex
CREATE INDEX "Document_title_idx" ON "Document"("title");

-- CreateIndex
CREATE UNIQUE INDEX "Actor_nameKey_key" ON "Actor"("nameKey");

-- CreateIndex
CREATE INDEX "Actor_kind_idx" ON "Actor"("kind");

-- CreateIndex
CREATE INDEX "Actor_name_idx" ON "Actor"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ActorAlias_aliasKey_key" ON "ActorAlias"("aliasKey");

-- CreateIndex
CREATE INDEX "ActorAlias_actorId_idx" ON "ActorAlias"("actorId");

-- CreateIndex
CREATE INDEX "DocumentActor_actorId_idx" ON "DocumentActor"("actorId");

-- CreateIndex
CREATE INDEX "ActorMention_actorId_idx" ON "ActorMention"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "ActorMention_documentId_start_end_actorId_key" ON "ActorMention"("documentId", "start", "end", "actorId");

-- CreateIndex
CREATE INDEX "Claim_documentId_spanStart_idx" ON "Claim"("documentId", "spanStart");

-- CreateIndex
CREATE INDEX "Claim_claimantId_idx" ON "Claim"("claimantId");

-- CreateIndex
CREATE INDEX "Claim_eventId_idx" ON "Claim"("eventId");

-- CreateIndex
CREATE INDEX "Claim_kind_idx" ON "Claim"("kind");

-- CreateIndex
CREATE INDEX "Claim_statedStart_statedEnd_idx" ON "Claim"("statedStart", "statedEnd");

-- CreateIndex
CREATE INDEX "ClaimSubject_actorId_idx" ON "ClaimSubject"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");

-- CreateIndex
CREATE INDEX "Event_dateStart_dateEnd_idx" ON "Event"("dateStart", "dateEnd");

-- CreateIndex
CREATE INDEX "Event_kind_idx" ON "Event"("kind");

-- CreateIndex
CREATE INDEX "Event_status_idx" ON "Event"("status");

-- CreateIndex
CREATE INDEX "EventParticipant_actorId_idx" ON "EventParticipant"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "EventParticipant_eventId_actorId_key" ON "EventParticipant"("eventId", "actorId");

-- CreateIndex
CREATE INDEX "DocumentEvent_eventId_idx" ON "DocumentEvent"("eventId");

-- CreateIndex
CREATE INDEX "EventMention_eventId_idx" ON "EventMention"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "EventMention_documentId_start_end_eventId_key" ON "EventMention"("documentId", "start", "end", "eventId");

-- CreateIndex
CREATE INDEX "EventRelation_toEventId_idx" ON "EventRelation"("toEventId");

-- AddForeignKey
ALTER TABLE "ActorAlias" ADD CONSTRAINT "ActorAlias_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentActor" ADD CONSTRAINT "DocumentActor_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentActor" ADD CONSTRAINT "DocumentActor_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorMention" ADD CONSTRAINT "ActorMention_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorMention" ADD CONSTRAINT "ActorMention_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorMention" ADD CONSTRAINT "ActorMention_documentId_actorId_fkey" FOREIGN KEY ("documentId", "actorId") REFERENCES "DocumentActor"("documentId", "actorId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_claimantId_fkey" FOREIGN KEY ("claimantId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSubject" ADD CONSTRAINT "ClaimSubject_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSubject" ADD CONSTRAINT "ClaimSubject_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentEvent" ADD CONSTRAINT "DocumentEvent_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentEvent" ADD CONSTRAINT "DocumentEvent_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventMention" ADD CONSTRAINT "EventMention_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventMention" ADD CONSTRAINT "EventMention_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventMention" ADD CONSTRAINT "EventMention_documentId_eventId_fkey" FOREIGN KEY ("documentId", "eventId") REFERENCES "DocumentEvent"("documentId", "eventId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventRelation" ADD CONSTRAINT "EventRelation_fromEventId_fkey" FOREIGN KEY ("fromEventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventRelation" ADD CONSTRAINT "EventRelation_toEventId_fkey" FOREIGN KEY ("toEventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Added by hand: Prisma's schema language cannot express CHECK constraints, and the schema
-- engine ignores them when diffing, so later migrations leave them alone.
-- Spans are JavaScript string indices into Document.body, end exclusive and non-empty.
ALTER TABLE "ActorMention" ADD CONSTRAINT "ActorMention_span_check" CHECK ("start" >= 0 AND "end" > "start");
ALTER TABLE "EventMention" ADD CONSTRAINT "EventMention_span_check" CHECK ("start" >= 0 AND "end" > "start");
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_span_check" CHECK ("spanStart" >= 0 AND "spanEnd" > "spanStart");
-- Fuzzy dates are stored as bounds: either may be unknown, but they may not be reversed.
ALTER TABLE "Event" ADD CONSTRAINT "Event_date_range_check" CHECK ("dateStart" IS NULL OR "dateEnd" IS NULL OR "dateStart" <= "dateEnd");
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_stated_range_check" CHECK ("statedStart" IS NULL OR "statedEnd" IS NULL OR "statedStart" <= "statedEnd");
