import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

export type SchemaEngine = bg.SchemaEngine;

export interface SchemaEngineOptions {
  /** Prisma schema files as [path, content]; undefined when the command needs none. */
  datamodels?: [string, string][];
  /** Receives the engine's JSON log lines (tracing output). */
  onLog?: (line: string) => void;
}

/** The schema engine failed; `code` is Prisma's error code (P3xxx) when it gave one. */
export class SchemaEngineError extends Error {
  override name = "SchemaEngineError";
  readonly code: string | undefined;
  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = options.code;
  }
}

let compiled: Promise<WebAssembly.Module> | undefined;
let started = false;
let lastPanic: string | undefined;
/** Set once the instance trapped: its memory is then undefined and it cannot be used again. */
let crashed: string | undefined;
let activeRuns = 0;
const pendingTimers = new Set<NodeJS.Timeout>();

function wasmPath(): string {
  // The package's exports map hides the .wasm file, but it sits next to its entry point.
  const entry = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm");
  return path.join(path.dirname(entry), "schema_engine_bg.wasm");
}

/**
 * The package's own entry imports the .wasm as an ES module, which Node only does behind
 * --experimental-wasm-modules, so the bindings are wired by hand. The generated glue
 * keeps the instance in module state: one instance serves every engine in the process.
 */
async function ensureStarted(): Promise<void> {
  if (started) return;
  compiled ??= readFile(wasmPath()).then((bytes) => WebAssembly.compile(bytes));
  const module = await compiled;
  if (started) return;
  installPanicRegistry();
  const instance = new WebAssembly.Instance(module, {
    "./schema_engine_bg.js": withTrackedTimers(bg as unknown as WebAssembly.ModuleImports),
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  started = true;
}

/**
 * The engine races some waits (the 10 s advisory-lock timeout) against setTimeout and
 * never clears the timer, which kept scripts alive for 10 s after their work was done.
 * Timers are tracked so they can be cleared once no engine call is running.
 */
function withTrackedTimers(imports: WebAssembly.ModuleImports): WebAssembly.ModuleImports {
  const tracked: WebAssembly.ModuleImports = { ...imports };
  for (const name of Object.keys(imports)) {
    if (!name.startsWith("__wbg_setTimeout_")) continue;
    tracked[name] = (callback: () => void, ms: number) => {
      const timer = setTimeout(() => {
        pendingTimers.delete(timer);
        callback();
      }, ms >>> 0);
      pendingTimers.add(timer);
      return timer;
    };
  }
  return tracked;
}

function clearTimersIfIdle(): void {
  if (activeRuns > 0) return;
  for (const timer of pendingTimers) clearTimeout(timer);
  pendingTimers.clear();
}

function installPanicRegistry(): void {
  // The Rust panic hook reports its message through this global before trapping.
  const holder = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  holder.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message: string) => {
      lastPanic = message;
    },
  };
}

/**
 * Runs `work` against a fresh engine bound to `factory`, then frees the engine. Errors are
 * rethrown as SchemaEngineError with the driver's own error restored where the engine only
 * saw an opaque reference to it.
 */
export async function withSchemaEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  options: SchemaEngineOptions,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  if (crashed !== undefined) {
    throw new SchemaEngineError(
      `The schema engine crashed earlier in this process (${crashed}): restart the process.`,
    );
  }
  await ensureStarted();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const onLog = options.onLog ?? (() => {});
  let engine: SchemaEngine | undefined;
  activeRuns += 1;
  try {
    engine = await bg.SchemaEngine.new({ datamodels: options.datamodels }, onLog, bound);
    return await work(engine);
  } catch (error) {
    throw translate(error, bound.errorRegistry);
  } finally {
    // Freeing a trapped engine throws and would hide the reason it trapped.
    if (crashed === undefined) engine?.free();
    activeRuns -= 1;
    clearTimersIfIdle();
  }
}

function translate(error: unknown, registry: ErrorRegistry): Error {
  if (error instanceof WebAssembly.RuntimeError) {
    // A new instance cannot be wired in either: the generated glue caches views of the
    // old instance's memory.
    crashed = lastPanic ?? error.message;
    return new SchemaEngineError(`The schema engine crashed: ${crashed}`, { cause: error });
  }
  if (!(error instanceof Error)) return new SchemaEngineError(String(error), { cause: error });
  const jsError = lookupJsError(error, registry);
  if (jsError !== undefined) return jsError instanceof Error ? jsError : new Error(String(jsError));
  const code = (error as { code?: unknown }).code;
  return new SchemaEngineError(firstParagraph(error.message), {
    ...(typeof code === "string" ? { code } : {}),
    cause: error,
  });
}

/**
 * A non-driver exception thrown inside the adapter reaches the engine only as an id into
 * the error registry ("External error id#3"); the original is recovered from there.
 */
function lookupJsError(error: Error, registry: ErrorRegistry): unknown {
  const match = /External error id#(\d+)/.exec(error.message);
  if (match?.[1] === undefined) return undefined;
  return registry.consumeError(Number(match[1]))?.error;
}

/** Engine messages append a Rust span trace after a blank line; users need the first part. */
function firstParagraph(message: string): string {
  return message.split(/\n\s*\n|\n\s+0: /)[0]?.trim() ?? message;
}
