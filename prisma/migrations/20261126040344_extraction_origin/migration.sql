-- CreateEnum
CREATE TYPE "Origin" AS ENUM ('MANUAL', 'EXTRACTED');

-- AlterTable
ALTER TABLE "ActorMention" ADD COLUMN     "confidence" DOUBLE PRECISION,
ADD COLUMN     "origin" "Origin" NOT NULL DEFAULT 'MANUAL';

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "confidence" DOUBLE PRECISION,
ADD COLUMN     "origin" "Origin" NOT NULL DEFAULT 'MANUAL';

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "confidence" DOUBLE PRECISION,
ADD COLUMN     "origin" "Origin" NOT NULL DEFAULT 'MANUAL';

-- AlterTable
ALTER TABLE "EventMention" ADD COLUMN     "confidence" DOUBLE PRECISION,
ADD COLUMN     "origin" "Origin" NOT NULL DEFAULT 'MANUAL';
