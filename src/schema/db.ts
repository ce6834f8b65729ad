import { getDb } from "../db/client.ts";

/** The app's Prisma client, for root resolvers (nested fields get their data from Pothos). */
export const db = () => getDb().prisma;
