// Connections that run through a link table (Document.actors via DocumentActor, Actor.events via
// EventParticipant …) all work alike: page over the link rows, filter and order them by the
// node they point at, tie-break on the link's own key, and count the filtered links for
// totalCount in the same query. This builds the `select` and `resolve` of such a connection.

interface ConnectionHelper {
  getQuery(args: any, ctx: any, nestedSelection: any, options: { awaitSelections: true }): any;
  resolve(links: any, args: any, ctx: any): any;
}

export interface LinkConnectionSpec<Where, Order> {
  /** The parent's relation to the link table, e.g. "actors" on Document. */
  relation: string;
  /** The link row's relation to the node, e.g. "actor" on DocumentActor. */
  node: string;
  /** The link column that makes the order total, e.g. { actorId: "asc" }. */
  tieBreak: Record<string, "asc">;
  helper: ConnectionHelper;
  filter: (filter: Record<string, unknown> | null | undefined) => Promise<Where>;
  order: {
    toPrisma(
      items: readonly Record<string, "asc" | "desc" | null | undefined>[] | null | undefined,
      fallback: Order[],
    ): Order[];
  };
  defaultOrder: Order[];
}

interface LinkArgs {
  filter?: Record<string, unknown> | null;
  orderBy?: readonly Record<string, "asc" | "desc" | null | undefined>[] | null;
}

export function linkConnection<Where, Order>(spec: LinkConnectionSpec<Where, Order>) {
  return {
    select: async (args: LinkArgs, ctx: object, nestedSelection: unknown) => {
      const where = { [spec.node]: await spec.filter(args.filter) };
      const order = spec.order.toPrisma(args.orderBy, spec.defaultOrder);
      return {
        [spec.relation]: {
          ...(await spec.helper.getQuery(args, ctx, nestedSelection, { awaitSelections: true })),
          where,
          orderBy: [...order.map((o) => ({ [spec.node]: o })), spec.tieBreak],
        },
        _count: { select: { [spec.relation]: { where } } },
      };
    },
    resolve: (parent: Record<string, unknown>, args: LinkArgs, ctx: object) => ({
      ...spec.helper.resolve(parent[spec.relation], args, ctx),
      totalCount: (parent._count as Record<string, number>)[spec.relation] as number,
    }),
  };
}
