// Redis for the tests that fan changes out across server instances. TEST_REDIS_URL (or
// REDIS_URL) names the server; .ci/run starts one and sets it. Without either the Redis tests
// skip locally and fail in CI.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

/** The Redis the tests may use, if any: TEST_REDIS_URL, else REDIS_URL. */
export function testRedisUrl(): string | undefined {
  for (const value of [process.env.TEST_REDIS_URL, process.env.REDIS_URL]) {
    if (value?.trim()) return value.trim();
  }
  return undefined;
}

/** Why the Redis tests cannot run here, or undefined when they must (a URL is set, or CI). */
export function redisSkipReason(): string | undefined {
  if (testRedisUrl() !== undefined || process.env.CI) return undefined;
  return "no Redis: set TEST_REDIS_URL=redis://127.0.0.1:6379 to run the cross-instance tests";
}

/** A channel prefix no other test run uses: Redis channels are shared by every database. */
export function uniqueChannelPrefix(): string {
  return `newsgraph-test:${process.pid}:${randomBytes(4).toString("hex")}:`;
}

/** A plain client for checks (PUBSUB NUMSUB), connected or failing within `timeoutMs`. */
export async function openRedis(url: string, timeoutMs = 5_000): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let cause: unknown;
  redis.on("error", (error) => {
    cause ??= error; // the socket's reason; connect() only says the connection closed
  });
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (error) {
    redis.disconnect();
    const failure = cause ?? error;
    const reason = failure instanceof Error ? failure.message : String(failure);
    throw new Error(`Redis at ${url} is not reachable (${reason}); start one or unset the URL`);
  }
}

/** Waits until Redis counts at least `count` subscribers on `channel`. */
export async function waitForRedisSubscribers(
  redis: Redis,
  channel: string,
  count = 1,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = (await redis.call("PUBSUB", "NUMSUB", channel)) as [string, number];
    if (Number(reply[1]) >= count) return;
    if (Date.now() > deadline) {
      throw new Error(`Redis channel ${channel}: ${reply[1]} subscriber(s) after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
