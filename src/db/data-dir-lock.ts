import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const LOCK_FILE = "newsgraph.pid";

export class DataDirInUseError extends Error {
  override name = "DataDirInUseError";
}

/**
 * PGlite, unlike a PostgreSQL server, takes no lock on its data directory: two processes on one
 * directory would corrupt it. The first one writes its pid here; a second refuses to start
 * while that process lives. A lock left by a crashed process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockPath, "utf8"));
      if (holder !== process.pid && isAlive(holder)) {
        throw new DataDirInUseError(
          `PGlite data directory ${dataDir} is in use by process ${holder}: stop it, or set ` +
            "DATABASE_URL to another pglite:<dir>",
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirInUseError(`could not lock PGlite data directory ${dataDir}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
