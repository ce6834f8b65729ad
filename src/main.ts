// `npm start`: read the configuration once, then migrate, seed an empty database and serve
// (src/server.ts); SIGINT/SIGTERM stop it gracefully and exit 0. A bad configuration or a
// database that cannot be used stops it with one line saying why (exit 1), no stack trace.
import { type Config, ConfigError, loadConfig } from "./config.ts";
import type { RunningServer } from "./server.ts";

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  // No logger yet: its level is configuration too.
  for (const line of error.message.split("\n")) {
    process.stderr.write(`newsgraph cannot start: ${line}\n`);
  }
  process.exit(1);
}

// PERSISTED_ONLY=1 with a missing or broken operations file is a configuration error too.
const { loadPersistedOperations, PersistedOperationsError } = await import(
  "./plugins/persisted-operations.ts"
);
try {
  loadPersistedOperations(config);
} catch (error) {
  if (!(error instanceof PersistedOperationsError)) throw error;
  process.stderr.write(`newsgraph cannot start: ${error.message}\n`);
  process.exit(1);
}

// Imported only now: loading the schema and the server reads the configuration again, which
// would fail with a stack trace instead of the lines above.
const { createLogger } = await import("./logger.ts");
const { StartError, startServer } = await import("./server.ts");

const logger = createLogger({ level: config.LOG_LEVEL });

let server: RunningServer;
try {
  server = await startServer(config, { logger });
} catch (error) {
  if (!(error instanceof StartError)) throw error;
  logger.fatal(`newsgraph cannot start: ${error.message}`);
  process.exit(1);
}

let stoppingSince: number | undefined;
function onSignal(signal: NodeJS.Signals): void {
  if (stoppingSince !== undefined) {
    // Ctrl-C under `npm start` reaches the process twice at once (the terminal and npm): only
    // a signal sent later means "do not wait".
    if (Date.now() - stoppingSince < 1_000) return;
    logger.warn({ signal }, "second signal: exiting without waiting");
    process.exit(1);
  }
  stoppingSince = Date.now();
  logger.info({ signal }, `${signal}: shutting down`);
  server.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, "shutdown failed");
      process.exit(1);
    },
  );
}
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
