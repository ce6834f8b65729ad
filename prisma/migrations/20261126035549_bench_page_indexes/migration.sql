-- Indexes for the pages the API serves most; bench/results has the plans before and after.

-- DropIndex
DROP INDEX "Claim_claimantId_idx";

-- DropIndex
DROP INDEX "Claim_documentId_spanStart_idx";

-- CreateIndex
CREATE INDEX "Claim_documentId_spanStart_id_idx" ON "Claim"("documentId", "spanStart", "id");

-- CreateIndex
CREATE INDEX "Claim_claimantId_statedStart_idx" ON "Claim"("claimantId", "statedStart");

-- CreateIndex
-- NULLS LAST by hand: the API's default order is "publishedAt" DESC NULLS LAST, id, and Prisma's
-- schema cannot spell the nulls order (it reads this index back as ("publishedAt" DESC, "id")).
CREATE INDEX "Document_publishedAt_id_idx" ON "Document"("publishedAt" DESC NULLS LAST, "id");
