// Turns a body and its annotated spans (claims, actor mentions, event mentions) into a tree of
// text and highlights that can be rendered as nested elements. Spans that nest (an actor named
// inside a claim) become nested highlights, so a claim's element holds exactly its span's text.
// Spans that cross (one starts inside another and ends after it) cannot nest: the later one is
// cut at the boundary into fragments that share its id, and the fragments' texts, in order, are
// its text. Nothing of the body is lost or repeated: the leaves concatenate to the body.

export type AnnotationType = "claim" | "actor" | "event";

export interface AnnotatedSpan {
  /** Unique among the spans of the document (the Relay id of the claim or mention). */
  id: string;
  type: AnnotationType;
  start: number;
  end: number;
}

export interface HighlightNode {
  span: AnnotatedSpan;
  /** 0 for the first (or only) fragment of the span. */
  fragment: number;
  start: number;
  end: number;
  children: TreeNode[];
}

export type TreeNode = string | HighlightNode;

/** Outer before inner when two spans cover the same text: claims hold mentions. */
const TYPE_ORDER: Record<AnnotationType, number> = { claim: 0, event: 1, actor: 2 };

interface Open {
  node: HighlightNode;
  /** Where the span really ends (a fragment may end earlier, where its parent ends). */
  spanEnd: number;
}

export function nestSpans(body: string, spans: readonly AnnotatedSpan[]): TreeNode[] {
  const ordered = spans
    .filter((s) => s.start >= 0 && s.end <= body.length && s.start < s.end)
    .sort(
      (a, b) =>
        a.start - b.start ||
        b.end - a.end ||
        TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const root: TreeNode[] = [];
  const stack: Open[] = [];
  const fragments = new Map<string, number>();
  let position = 0;

  const children = () => stack.at(-1)?.node.children ?? root;
  const emitText = (to: number) => {
    if (to > position) children().push(body.slice(position, to));
    position = Math.max(position, to);
  };
  /** Opens a fragment of `span` at the current position, cut where its parent ends. */
  const open = (span: AnnotatedSpan, spanEnd: number) => {
    const fragment = fragments.get(span.id) ?? 0;
    fragments.set(span.id, fragment + 1);
    const end = Math.min(spanEnd, stack.at(-1)?.node.end ?? body.length);
    const node: HighlightNode = { span, fragment, start: position, end, children: [] };
    children().push(node);
    stack.push({ node, spanEnd });
  };
  /** Closes every fragment ending at or before `to`; a cut span goes on inside what stays open. */
  const advanceTo = (to: number) => {
    let carried: Open[] = [];
    while (stack.length > 0 && stack.at(-1)!.node.end <= to) {
      const closing = stack.at(-1)!;
      const at = closing.node.end;
      emitText(at);
      stack.pop();
      if (closing.spanEnd > at) carried.push(closing);
      if (stack.length === 0 || stack.at(-1)!.node.end > at) {
        // Everything ending here is closed: reopen the cut spans, outermost first.
        for (const cut of carried.reverse()) open(cut.node.span, cut.spanEnd);
        carried = [];
      }
    }
  };

  for (const span of ordered) {
    advanceTo(span.start);
    emitText(span.start);
    open(span, span.end);
  }
  advanceTo(body.length);
  emitText(body.length);
  return root;
}

/** The text under a tree (or a node): the body slice it covers. */
export function textOf(nodes: readonly TreeNode[]): string {
  return nodes.map((node) => (typeof node === "string" ? node : textOf(node.children))).join("");
}
