// Rejects bad page sizes before execution, with an error naming the argument: a negative
// `first`/`last`, one above the maximum, or both at once. Pothos would otherwise clamp an
// oversized page silently and accept first+last together.
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getArgumentValues,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";
import type { Plugin } from "graphql-yoga";

export function connectionArgumentErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  maxPageSize: number,
): GraphQLError[] {
  const errors: GraphQLError[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        if (!field?.args.some((arg) => arg.name === "first" || arg.name === "last")) return;
        let values: Record<string, unknown>;
        try {
          values = getArgumentValues(field, node, variables);
        } catch {
          return; // graphql-js reports badly typed arguments itself
        }
        const where = `${typeInfo.getParentType()?.name}.${field.name}`;
        const fail = (argument: string, message: string) =>
          errors.push(
            new GraphQLError(`${where}: ${message}`, {
              nodes: node,
              extensions: { code: "BAD_USER_INPUT", argument },
            }),
          );
        for (const argument of ["first", "last"]) {
          const value = values[argument];
          if (typeof value !== "number") continue;
          if (value < 0)
            fail(argument, `argument "${argument}" must not be negative (got ${value})`);
          else if (value > maxPageSize) {
            fail(argument, `argument "${argument}" is ${value}; at most ${maxPageSize} per page`);
          }
        }
        if (values.first != null && values.last != null) {
          fail("first", 'pass either "first" or "last", not both');
        }
      },
    }),
  );
  return errors;
}

export function useConnectionArgumentLimits(options: { maxPageSize: number }): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const errors = connectionArgumentErrors(
        args.schema,
        args.document,
        (args.variableValues ?? {}) as Record<string, unknown>,
        options.maxPageSize,
      );
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}
