// What one request may ask of the server, from the checked configuration (src/config.ts). Every
// limit but the timeout refuses a request before anything executes, with an error that names the
// limit, its value and the variable that sets it, e.g.
//
//   Query depth 14 exceeds the limit of 12 (MAX_DEPTH)      extensions.code QUERY_TOO_DEEP
//
// and `extensions: { code, setting: "MAX_DEPTH", limit: 12, actual: 14 }`.
//
// - Request body (MAX_REQUEST_BYTES): a larger Content-Length is refused unread; a body without
//   one is read as a stream and dropped as soon as it passes the limit (HTTP 413). A JSON or
//   GraphQL body that is not valid UTF-8 is refused too, instead of being read with U+FFFD.
// - Batching (BATCH_LIMIT): 0 refuses a JSON array of operations; n > 0 allows up to n.
// - Tokens (MAX_TOKENS): the parser stops at the limit, so a huge document is never parsed whole.
// - Depth, aliases, directives, nesting of input values (MAX_DEPTH, MAX_ALIASES, MAX_DIRECTIVES,
//   MAX_INPUT_DEPTH): validation rules over each operation, fragments expanded.
// - Cost (MAX_COST): the most objects the operation can return, page sizes multiplied down the
//   tree (queryCost below); needs the variables, so it runs just before execution.
// - Execution time (EXECUTION_TIMEOUT_MS): a query or mutation still running after it is
//   answered with EXECUTION_TIMEOUT and its execution aborted (no resolver starts afterwards).
// - Introspection off (GRAPHQL_INTROSPECTION, introspectionEnabled): __schema and __type are
//   refused and no error suggests field, argument or enum names ("Did you mean …").
// - CSRF: a request a browser would send cross-site without a preflight (GET, form, multipart,
//   text/plain) needs an `x-graphql-yoga-csrf` (or `x-graphql-csrf`) header.
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import {
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
  validate,
} from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import { type Config, introspectionEnabled } from "../config.ts";
import { DEFAULT_PAGE_SIZE } from "../schema/builder.ts";

type Setting =
  | "MAX_DEPTH"
  | "MAX_COST"
  | "MAX_ALIASES"
  | "MAX_DIRECTIVES"
  | "MAX_TOKENS"
  | "MAX_INPUT_DEPTH"
  | "MAX_REQUEST_BYTES"
  | "EXECUTION_TIMEOUT_MS"
  | "BATCH_LIMIT";

export type QueryLimitsConfig = Pick<Config, Setting | "GRAPHQL_INTROSPECTION" | "NODE_ENV">;

/** The error of every limit: the message names the limit and its variable. */
export function limitError(
  what: string,
  setting: Setting,
  limit: number,
  options: { code: string; actual?: number; status?: number; unit?: string },
): GraphQLError {
  const unit = options.unit ? ` ${options.unit}` : "";
  return new GraphQLError(`${what} exceeds the limit of ${limit}${unit} (${setting})`, {
    extensions: {
      code: options.code,
      setting,
      limit,
      ...(options.actual === undefined ? {} : { actual: options.actual }),
      ...(options.status === undefined ? {} : { http: { status: options.status } }),
    },
  });
}

/** Every limit, in the order the plugins must run (after useConnectionArgumentLimits). */
export function queryLimitPlugins(config: QueryLimitsConfig): Plugin[] {
  return [
    useCsrfPrevention(),
    useRequestBodyLimit(config.MAX_REQUEST_BYTES),
    useBatchLimit(config.BATCH_LIMIT),
    useTokenLimit(config.MAX_TOKENS, config.MAX_DEPTH),
    useDocumentLimits(config),
    useCostLimit(config.MAX_COST, config.MAX_INPUT_DEPTH),
    useExecutionTimeout(config.EXECUTION_TIMEOUT_MS),
    ...(introspectionEnabled(config) ? [] : [useNoIntrospection()]),
  ];
}

// ---------------------------------------------------------------------------------------------
// HTTP: body size, UTF-8, batching, CSRF

const TEXT_BODIES = [
  "application/json",
  "application/graphql+json",
  "application/graphql",
  "application/x-www-form-urlencoded",
];

export function useRequestBodyLimit(maxBytes: number): Plugin {
  const tooLarge = () =>
    limitError("Request body", "MAX_REQUEST_BYTES", maxBytes, {
      code: "REQUEST_TOO_LARGE",
      status: 413,
      unit: "bytes",
    });
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get("content-length");
      if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
        throw tooLarge();
      }
      if (requestParser === undefined || request.body === null) return;
      const parser = requestParser;
      setRequestParser(async (original) => {
        const bytes = await readAtMost(original, maxBytes, tooLarge);
        const type = original.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
        if (type !== undefined && TEXT_BODIES.includes(type)) {
          try {
            new TextDecoder("utf-8", { fatal: true }).decode(bytes);
          } catch {
            throw new GraphQLError("Request body is not valid UTF-8", {
              extensions: { code: "BAD_REQUEST", http: { status: 400 } },
            });
          }
        }
        // The same request with the body read; the parsers (JSON, multipart …) take it from here.
        return parser(
          new fetchAPI.Request(original.url, {
            method: original.method,
            headers: original.headers,
            body: bytes,
          }),
        );
      });
    },
  };
}

/** The body, or `tooLarge()` as soon as more than `maxBytes` have arrived (the rest unread). */
async function readAtMost(
  request: Request,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = request.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Runs before Yoga's own check (createYoga's `batching`), which stays as a second line. */
export function useBatchLimit(limit: number): Plugin {
  return {
    onRequestParse() {
      return {
        onRequestParseDone({ requestParserResult }) {
          if (!Array.isArray(requestParserResult)) return;
          if (limit === 0) {
            throw new GraphQLError(
              "Batching is off (BATCH_LIMIT=0): send one operation per request, not an array",
              { extensions: { code: "BATCHING_DISABLED", http: { status: 400 } } },
            );
          }
          if (requestParserResult.length > limit) {
            throw limitError(
              `A batch of ${requestParserResult.length} operations`,
              "BATCH_LIMIT",
              limit,
              {
                code: "BATCH_TOO_LARGE",
                actual: requestParserResult.length,
                status: 413,
              },
            );
          }
        },
      };
    },
  };
}

/** Any of these headers (any value) marks a request as sent on purpose, not by a form or link. */
export const CSRF_HEADERS = ["x-graphql-yoga-csrf", "x-graphql-csrf"];

/**
 * Yoga's CSRF prevention, with a clearer refusal and one exception: a GET that only accepts
 * text/event-stream, which is what a browser's EventSource sends for a subscription and which
 * cannot carry a custom header. It is harmless: Yoga never runs a mutation over GET, and the
 * stream is a CORS request, so another site cannot read it.
 */
export function useCsrfPrevention(): Plugin {
  const yogaPlugin = useCSRFPrevention({ requestHeaders: CSRF_HEADERS });
  return {
    onRequestParse(payload) {
      const { request } = payload;
      if (request.method === "GET" && request.headers.get("accept") === "text/event-stream") return;
      try {
        yogaPlugin.onRequestParse?.(payload);
      } catch {
        throw new GraphQLError(
          `This request needs an ${CSRF_HEADERS[0]} header (any value): without it, GET, form, ` +
            "multipart and text/plain requests are refused, as a browser could send them from " +
            "another site (CSRF); JSON POSTs need no header",
          { extensions: { code: "CSRF_HEADER_REQUIRED", http: { status: 403 } } },
        );
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The document: tokens, depth, aliases, directives, input nesting

export function useTokenLimit(maxTokens: number, maxDepth: number): Plugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens });
        } catch (error) {
          if (
            error instanceof GraphQLError &&
            /contains more th(?:an|at) \d+ tokens/.test(error.message)
          ) {
            throw limitError("Query token count", "MAX_TOKENS", maxTokens, {
              code: "TOO_MANY_TOKENS",
            });
          }
          // The parser recurses once per nesting level: thousands of `{` or `[` within the token
          // limit can exhaust the stack before any depth rule sees the document.
          if (error instanceof RangeError) {
            throw new GraphQLError(
              `Query nesting is too deep to parse; the depth limit is ${maxDepth} (MAX_DEPTH)`,
              { extensions: { code: "QUERY_TOO_DEEP", setting: "MAX_DEPTH", limit: maxDepth } },
            );
          }
          throw error;
        }
      });
    },
  };
}

export interface DocumentMeasure {
  /** Fields nested below a root field on the longest path: `{ documents { totalCount } }` is 1. */
  depth: number;
  aliases: number;
  directives: number;
}

/**
 * Depth, aliases and directives of one operation with its fragments expanded (a fragment spread
 * twice counts twice; a fragment cycle, which validation refuses anyway, counts once).
 * Introspection (`__schema`, `__type`) is not counted: GraphiQL's introspection query is deep.
 */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragment: (name: string) => FragmentDefinitionNode | undefined,
): DocumentMeasure {
  const memo = new Map<string, DocumentMeasure>();
  const visiting = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): DocumentMeasure => {
    const total: DocumentMeasure = { depth: 0, aliases: 0, directives: 0 };
    const add = (child: DocumentMeasure, depth: number) => {
      total.depth = Math.max(total.depth, depth);
      total.aliases += child.aliases;
      total.directives += child.directives;
    };
    for (const selection of selectionSet.selections) {
      total.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === "__schema" || selection.name.value === "__type") continue;
        if (selection.alias) total.aliases++;
        if (selection.selectionSet) {
          const child = walk(selection.selectionSet);
          add(child, child.depth + 1);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const child = walk(selection.selectionSet);
        add(child, child.depth);
      } else {
        const name = selection.name.value;
        const definition = fragment(name);
        if (definition === undefined || visiting.has(name)) continue;
        let child = memo.get(name);
        if (child === undefined) {
          visiting.add(name);
          child = walk(definition.selectionSet);
          child.directives += definition.directives?.length ?? 0;
          visiting.delete(name);
          memo.set(name, child);
        }
        add(child, child.depth);
      }
    }
    return total;
  };
  const measure = walk(operation.selectionSet);
  measure.directives += operation.directives?.length ?? 0;
  return measure;
}

/** Whether a value nests objects and lists deeper than `max` (`{ a: [1] }` is 2 deep). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== "object") continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return false;
}

function literalNestsDeeperThan(value: ValueNode, max: number): boolean {
  const stack: [ValueNode, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    const children =
      item.kind === Kind.LIST
        ? item.values
        : item.kind === Kind.OBJECT
          ? item.fields.map((field) => field.value)
          : undefined;
    if (children === undefined) continue;
    if (depth + 1 > max) return true;
    for (const child of children) stack.push([child, depth + 1]);
  }
  return false;
}

export function useDocumentLimits(
  limits: Pick<Config, "MAX_DEPTH" | "MAX_ALIASES" | "MAX_DIRECTIVES" | "MAX_INPUT_DEPTH">,
): Plugin {
  // Named functions: Yoga caches validation results by the names of the rules.
  function QueryLimitsRule(context: ValidationContext): ASTVisitor {
    return {
      OperationDefinition(operation) {
        const { depth, aliases, directives } = measureOperation(
          operation,
          (name) => context.getFragment(name) ?? undefined,
        );
        const report = (error: GraphQLError) => context.reportError(error);
        if (depth > limits.MAX_DEPTH) {
          report(
            limitError(`Query depth ${depth}`, "MAX_DEPTH", limits.MAX_DEPTH, {
              code: "QUERY_TOO_DEEP",
              actual: depth,
            }),
          );
        }
        if (aliases > limits.MAX_ALIASES) {
          report(
            limitError(`Query alias count ${aliases}`, "MAX_ALIASES", limits.MAX_ALIASES, {
              code: "TOO_MANY_ALIASES",
              actual: aliases,
            }),
          );
        }
        if (directives > limits.MAX_DIRECTIVES) {
          report(
            limitError(
              `Query directive count ${directives}`,
              "MAX_DIRECTIVES",
              limits.MAX_DIRECTIVES,
              {
                code: "TOO_MANY_DIRECTIVES",
                actual: directives,
              },
            ),
          );
        }
      },
      Argument(argument) {
        if (literalNestsDeeperThan(argument.value, limits.MAX_INPUT_DEPTH)) {
          context.reportError(
            inputTooDeep(`Argument "${argument.name.value}"`, limits.MAX_INPUT_DEPTH),
          );
        }
      },
    };
  }
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(QueryLimitsRule);
    },
  };
}

function inputTooDeep(what: string, limit: number): GraphQLError {
  return new GraphQLError(
    `${what} nests objects and lists deeper than the limit of ${limit} (MAX_INPUT_DEPTH)`,
    { extensions: { code: "INPUT_TOO_DEEP", setting: "MAX_INPUT_DEPTH", limit } },
  );
}

// ---------------------------------------------------------------------------------------------
// Cost

/** Fields of these types are a page's wrapping, not objects of their own. */
function isWrapper(type: GraphQLNamedType): boolean {
  return type.name.endsWith("Edge") || type.name === "PageInfo";
}

function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && "edges" in type.getFields() && "pageInfo" in type.getFields();
}

/**
 * The most objects an operation can return: every object counts 1 (a document, a claim, an
 * actor, a connection — one page query each), scalars and the Edge/PageInfo wrappers count 0.
 * A field with `first`/`last` returns up to that many (DEFAULT_PAGE_SIZE, 20, when absent; the
 * argument's own default where it has one), so everything below it is multiplied by it;
 * `nodes(ids:)` by the number of ids. A list without a page size (participants, subjects,
 * timeline buckets) counts once: its length is set by the data, not by the client.
 *
 *   documents(first: 50) → claims(first: 50) → claimant → events(first: 10) → participants → actor
 *   = 1 + 50 × (1 + 1 + 50 × (1 + 1 + 1 + 10 × (1 + 1 + 1))) = 82,601
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string | null,
): number {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const visiting = new Set<string>();

  const argumentsOf = (field: GraphQLField<unknown, unknown>, node: FieldNode) => {
    try {
      return getArgumentValues(field, node, variables);
    } catch {
      return {}; // badly typed arguments are reported by validation and execution
    }
  };

  /** Cost per object of `type`; `page` is the page size of the connection being walked. */
  const selectionCost = (
    selectionSet: SelectionSetNode,
    type: GraphQLNamedType,
    page: number | undefined,
  ): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : type;
        if (condition) cost += selectionCost(selection.selectionSet, condition, page);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !condition || visiting.has(fragment.name.value)) continue;
        visiting.add(fragment.name.value);
        cost += selectionCost(fragment.selectionSet, condition, page);
        visiting.delete(fragment.name.value);
      } else {
        cost += fieldCost(selection, type, page);
      }
    }
    return cost;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLNamedType, page: number | undefined) => {
    if (node.name.value.startsWith("__") || !node.selectionSet) return 0;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const field = parent.getFields()[node.name.value];
    if (!field) return 0;
    const type = getNamedType(field.type);
    if (isLeafType(type)) return 0;
    const paged = field.args.some((arg) => arg.name === "first" || arg.name === "last");
    const args =
      paged || field.args.some((arg) => arg.name === "ids") ? argumentsOf(field, node) : {};
    const pageSize = paged
      ? Math.max(0, Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE) || 0)
      : undefined;
    const list = isListType(getNullableType(field.type));
    let count = 1;
    if (list && pageSize !== undefined) count = pageSize;
    else if (list && Array.isArray(args.ids)) count = args.ids.length;
    else if (list && isConnection(parent)) count = page ?? 1; // edges, nodes of a page
    const own = isWrapper(type) ? 0 : 1;
    // A connection field passes its page size down to its edges and nodes.
    const childPage = pageSize !== undefined && !list ? pageSize : undefined;
    return count * (own + selectionCost(node.selectionSet, type, childPage));
  };

  return selectionCost(operation.selectionSet, root, undefined);
}

export function useCostLimit(maxCost: number, maxInputDepth: number): Plugin {
  const check = (
    args: {
      schema: GraphQLSchema;
      document: DocumentNode;
      variableValues?: unknown;
      operationName?: string | null;
    },
    stop: (errors: GraphQLError[]) => void,
  ) => {
    const raw = (args.variableValues ?? {}) as Record<string, unknown>;
    // Variables before graphql-js reads them: coercing a value nested ten thousand levels deep
    // would overflow the stack (and Prisma refuses a filter about a hundred levels deep).
    for (const [name, value] of Object.entries(raw)) {
      if (nestsDeeperThan(value, maxInputDepth)) {
        stop([inputTooDeep(`Variable "$${name}"`, maxInputDepth)]);
        return;
      }
    }
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return;
    const coerced = getVariableValues(args.schema, operation.variableDefinitions ?? [], raw, {
      maxErrors: 1,
    });
    if (coerced.errors) return; // execution reports bad variables itself
    const cost = queryCost(args.schema, args.document, coerced.coerced, args.operationName);
    if (cost > maxCost) {
      stop([
        limitError(`Query cost ${cost}`, "MAX_COST", maxCost, {
          code: "QUERY_TOO_COSTLY",
          actual: cost,
        }),
      ]);
    }
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      check(args, (errors) => setResultAndStopExecution({ errors }));
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      check(args, (errors) => setResultAndStopExecution({ errors }));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Execution time

/**
 * Answers a query or mutation still running after `ms` with EXECUTION_TIMEOUT, and aborts its
 * execution: graphql-tools' executor starts no resolver once the signal is aborted. A database
 * statement already sent runs to its end (Prisma cannot cancel one), and a mutation's transaction
 * still commits or rolls back as a whole, so the error tells the client to read back before it
 * retries. Subscriptions are long-lived by design and not limited.
 */
export function useExecutionTimeout(ms: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => {
        const controller = new AbortController();
        const outer = (args as { signal?: AbortSignal }).signal;
        const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<{ data: null; errors: GraphQLError[] }>((resolve) => {
          timer = setTimeout(() => {
            let error = limitError("Execution time", "EXECUTION_TIMEOUT_MS", ms, {
              code: "EXECUTION_TIMEOUT",
              unit: "ms",
            });
            if (getOperationAST(args.document, args.operationName)?.operation === "mutation") {
              error = new GraphQLError(
                `${error.message}; a write already under way may still complete: read it back before retrying`,
                { extensions: error.extensions },
              );
            }
            resolve({ data: null, errors: [error] });
            controller.abort(error);
          }, ms);
        });
        const execution = Promise.resolve().then(() =>
          executeFn({ ...args, signal } as typeof args),
        );
        execution.catch(() => {}); // rejected by the abort, after the timeout has answered
        return Promise.race([execution, timedOut]).finally(() => clearTimeout(timer));
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Introspection

/** Introspection off: __schema/__type refused, and no error message suggests names. */
export function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule, setValidationFn }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
      setValidationFn((schema, document, rules) =>
        validate(schema, document, rules, { hideSuggestions: true }),
      );
    },
    onExecute({ args }) {
      (args as { hideSuggestions?: boolean }).hideSuggestions = true;
      return {
        // graphql-tools' executor does not pass hideSuggestions on when it coerces variables
        // ("Did you mean the enum value …"): those messages lose their suggestion here.
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result) || !result.errors?.some(suggests)) return;
          setResult({ ...result, errors: result.errors.map(withoutSuggestion) });
        },
      };
    },
    onSubscribe({ args }) {
      (args as { hideSuggestions?: boolean }).hideSuggestions = true;
      return {
        onSubscribeResult({ result, setResult }) {
          if (isAsyncIterable(result) || !result.errors?.some(suggests)) return;
          setResult({ ...result, errors: result.errors.map(withoutSuggestion) });
        },
      };
    },
  };
}

const SUGGESTION = / ?Did you mean [^?]*\?/g;

function suggests(error: GraphQLError): boolean {
  return error.message.includes("Did you mean");
}

function withoutSuggestion(error: GraphQLError): GraphQLError {
  if (!suggests(error)) return error;
  return new GraphQLError(error.message.replace(SUGGESTION, "").trim(), {
    nodes: error.nodes ?? null,
    source: error.source ?? null,
    positions: error.positions ?? null,
    path: error.path ?? null,
    originalError: error.originalError ?? null,
    extensions: error.extensions,
  });
}
