// Change notifications for subscriptions. Mutations publish after their transaction commits,
// so a subscriber never sees a change that was rolled back.
//
// In-process by default. With REDIS_URL every event goes through Redis (PUBLISH/SUBSCRIBE on
// channels named <prefix><topic>), so a mutation on one instance reaches the subscribers of all.
// Which pub/sub a request uses: the one its server was built with (createServer({ pubsub }),
// carried to the resolvers in an AsyncLocalStorage, so the mutations need no context), else the
// process-wide one made from the environment on first use.
import { AsyncLocalStorage } from "node:async_hooks";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import {
  createPubSub,
  type Plugin,
  type PubSub,
  type PubSubEvent,
  type PubSubEventTarget,
} from "graphql-yoga";
import { Redis, type RedisOptions } from "ioredis";

export type ChangeTopics = {
  /** A document was created, updated or deleted. */
  documentChanged: [change: { documentId: number; deleted: boolean }];
  /** The annotations (mentions, claims, events, actors) of one document changed. */
  annotationsChanged: [documentId: number, change: { documentId: number }];
};

type ChangeEventTarget = PubSubEventTarget<ChangeTopics>;
type ChangeEvent = PubSubEvent<ChangeTopics, keyof ChangeTopics>;

export interface ChangePubSub extends PubSub<ChangeTopics> {
  /** "in-process" or "Redis at redis://host:port" (never the password). */
  readonly description: string;
  /** Listeners this instance has on a topic, e.g. "documentChanged" or "annotationsChanged:7". */
  listenerCount(topic: string): number;
  /** Ends the Redis connections (pending publishes are flushed first when connected). */
  close(): Promise<void>;
}

export interface PubSubOptions {
  /** redis:// or rediss:// URL; unset means in-process only. */
  redisUrl?: string;
  /** Prepended to every Redis channel name, so deployments (or test runs) can share a Redis. */
  channelPrefix?: string;
  /** Where connection problems are reported, one line each. Default: console.error. */
  log?: (line: string) => void;
}

export const DEFAULT_CHANNEL_PREFIX = "newsgraph:";

export function createChangePubSub(options: PubSubOptions = {}): ChangePubSub {
  const log = options.log ?? ((line: string) => console.error(line));
  const redisUrl = options.redisUrl?.trim();
  if (!redisUrl) return withTarget(countingTarget(new EventTarget() as ChangeEventTarget, ""));
  const url = parseRedisUrl(redisUrl);
  if (url === undefined) {
    log(
      "newsgraph: REDIS_URL must be redis://[user:password@]host[:port][/db] or rediss://…; " +
        "subscriptions stay in this process",
    );
    return withTarget(countingTarget(new EventTarget() as ChangeEventTarget, ""));
  }
  return connectRedis(url, options.channelPrefix ?? DEFAULT_CHANNEL_PREFIX, log);
}

/** The pub/sub configured by the environment: REDIS_URL, REDIS_CHANNEL_PREFIX. */
export function pubSubFromEnv(env: NodeJS.ProcessEnv = process.env): ChangePubSub {
  return createChangePubSub({
    redisUrl: env.REDIS_URL,
    channelPrefix: env.REDIS_CHANNEL_PREFIX?.trim() || undefined,
  });
}

let processPubSub: ChangePubSub | undefined;

/** The process-wide pub/sub, made from the environment on first use. */
export function getPubSub(): ChangePubSub {
  processPubSub ??= pubSubFromEnv();
  return processPubSub;
}

/** Closes the process-wide pub/sub (its Redis clients), if it was made. For shutdown. */
export async function closePubSub(): Promise<void> {
  const closing = processPubSub;
  processPubSub = undefined;
  await closing?.close();
}

const requestPubSub = new AsyncLocalStorage<ChangePubSub>();

/** The pub/sub of the server running the current operation, else the process-wide one. */
export function currentPubSub(): ChangePubSub {
  return requestPubSub.getStore() ?? getPubSub();
}

/**
 * Runs every operation of a server with `pubsub` as its current pub/sub: its mutations publish
 * there and its subscriptions listen there (createServer({ pubsub }) installs it).
 */
export function usePubSub(pubsub: ChangePubSub): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => requestPubSub.run(pubsub, () => executeFn(args)));
    },
    onSubscribe({ subscribeFn, setSubscribeFn }) {
      setSubscribeFn((args) => requestPubSub.run(pubsub, () => subscribeFn(args)));
    },
  };
}

export function publishDocumentChanged(documentId: number, deleted = false): void {
  currentPubSub().publish("documentChanged", { documentId, deleted });
}

export function publishAnnotationsChanged(documentId: number): void {
  currentPubSub().publish("annotationsChanged", documentId, { documentId });
}

interface CountingTarget {
  target: ChangeEventTarget;
  listenerCount(topic: string): number;
}

/** Adds `prefix` to every topic on the way to `inner`, and counts listeners per topic. */
function countingTarget(inner: ChangeEventTarget, prefix: string): CountingTarget {
  const counts = new Map<string, number>();
  const count = (topic: string, by: number) => {
    const next = (counts.get(topic) ?? 0) + by;
    if (next > 0) counts.set(topic, next);
    else counts.delete(topic);
  };
  const target: ChangeEventTarget = {
    addEventListener(type, callback, options) {
      inner.addEventListener(`${prefix}${type}`, callback, options);
      if (callback) count(type, 1);
    },
    removeEventListener(type, callback, options) {
      inner.removeEventListener(`${prefix}${type}`, callback, options);
      if (callback) count(type, -1);
    },
    dispatchEvent(event) {
      if (prefix === "") return inner.dispatchEvent(event);
      return inner.dispatchEvent(
        new CustomEvent(`${prefix}${event.type}`, { detail: event.detail }) as ChangeEvent,
      );
    },
  };
  return { target, listenerCount: (topic) => counts.get(topic) ?? 0 };
}

function withTarget(
  { target, listenerCount }: CountingTarget,
  description = "in-process",
  close: () => Promise<void> = async () => {},
): ChangePubSub {
  return {
    ...createPubSub<ChangeTopics>({ eventTarget: target }),
    description,
    listenerCount,
    close,
  };
}

function parseRedisUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === "redis:" || url.protocol === "rediss:" ? url : undefined;
  } catch {
    return undefined;
  }
}

function connectRedis(url: URL, prefix: string, log: (line: string) => void): ChangePubSub {
  const where = `${url.protocol}//${url.hostname}:${url.port || "6379"}`;
  const description = `Redis at ${where}`;
  // One line when Redis becomes unreachable and one when it is back, however many clients and
  // retries notice it; ioredis keeps reconnecting in between.
  const down = new Set<string>();
  const failed = (role: string, error: Error) => {
    if (down.size === 0) {
      log(
        `newsgraph: ${description} is unreachable (${error.message || error.name}); ` +
          "subscriptions miss the changes made until it is back",
      );
    }
    down.add(role);
  };
  const commandFailed = (command: string) => (error: unknown) => {
    // Already reported as an outage: these are the publishes it dropped.
    if (down.size > 0) return;
    log(`newsgraph: Redis ${command} failed: ${error instanceof Error ? error.message : error}`);
  };
  const client = (role: string, options: RedisOptions) => {
    const redis = new Redis(url.toString(), {
      retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
      ...options,
    });
    redis.on("error", (error: Error) => failed(role, error));
    redis.on("ready", () => {
      if (down.delete(role) && down.size === 0) log(`newsgraph: ${description} is reachable again`);
    });
    return redis;
  };
  // A publish waits out a few reconnection attempts, then is dropped (and reported once);
  // SUBSCRIBE waits for the connection however long it takes, and ioredis re-subscribes after
  // every reconnect.
  const publishClient = client("publish", { maxRetriesPerRequest: 3 });
  const subscribeClient = client("subscribe", { maxRetriesPerRequest: null });
  const redisTarget = createRedisEventTarget<ChangeEvent>({
    publishClient: containFailures(publishClient, commandFailed),
    subscribeClient: containFailures(subscribeClient, commandFailed),
  });
  const close = async () => {
    await Promise.all(
      [publishClient, subscribeClient].map(async (redis) => {
        if (redis.status === "ready") await redis.quit().catch(() => redis.disconnect());
        else redis.disconnect();
      }),
    );
  };
  return withTarget(countingTarget(redisTarget, prefix), description, close);
}

/**
 * createRedisEventTarget fires PUBLISH, SUBSCRIBE and UNSUBSCRIBE without handling their
 * promises: a command that fails (Redis down past the retries, the client closed) would be an
 * unhandled rejection, which ends a Node process. This view of the client catches them.
 */
function containFailures(
  redis: Redis,
  failed: (command: string) => (error: unknown) => void,
): Redis {
  const contained = new Set<PropertyKey>(["publish", "subscribe", "unsubscribe"]);
  return new Proxy(redis, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      if (!contained.has(property)) return value.bind(target);
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        return result instanceof Promise ? result.catch(failed(String(property))) : result;
      };
    },
  });
}
