import { describe, expect, it } from "vitest";
import {
  type AnnotatedSpan,
  type HighlightNode,
  nestSpans,
  type TreeNode,
  textOf,
} from "./nest-spans.ts";

/** Every fragment of every span, in document order, by span id. */
function fragmentsById(nodes: readonly TreeNode[], into = new Map<string, HighlightNode[]>()) {
  for (const node of nodes) {
    if (typeof node === "string") continue;
    into.set(node.span.id, [...(into.get(node.span.id) ?? []), node]);
    fragmentsById(node.children, into);
  }
  return into;
}

function check(body: string, spans: AnnotatedSpan[]) {
  const tree = nestSpans(body, spans);
  expect(textOf(tree)).toBe(body);
  const byId = fragmentsById(tree);
  for (const span of spans) {
    const fragments = byId.get(span.id) ?? [];
    expect(fragments.map((f) => textOf(f.children)).join(""), span.id).toBe(
      body.slice(span.start, span.end),
    );
    expect(fragments.map((f) => f.fragment)).toEqual(fragments.map((_, i) => i));
  }
  return { tree, byId };
}

describe("nestSpans", () => {
  const body = "Dmitry Peskov said Russia and Ukraine would meet in Istanbul soon.";

  it("nests actor mentions inside the claim that contains them, as one element", () => {
    const { tree, byId } = check(body, [
      { id: "claim", type: "claim", start: 0, end: 66 },
      { id: "peskov", type: "actor", start: 0, end: 13 },
      { id: "russia", type: "actor", start: 19, end: 25 },
      { id: "talks", type: "event", start: 40, end: 60 },
    ]);
    expect(byId.get("claim")).toHaveLength(1);
    expect(tree).toHaveLength(1);
    const claim = tree[0] as HighlightNode;
    expect(
      claim.children.filter((c) => typeof c !== "string").map((c) => (c as HighlightNode).span.id),
    ).toEqual(["peskov", "russia", "talks"]);
  });

  it("puts the outer of two spans with the same start first, claims outside mentions", () => {
    const { tree } = check(body, [
      { id: "a", type: "actor", start: 0, end: 13 },
      { id: "c", type: "claim", start: 0, end: 13 },
    ]);
    expect((tree[0] as HighlightNode).span.id).toBe("c");
  });

  it("cuts a span that crosses another into fragments whose texts make up its text", () => {
    const { byId } = check(body, [
      { id: "first", type: "claim", start: 0, end: 30 },
      { id: "crossing", type: "claim", start: 19, end: 50 },
      { id: "inner", type: "actor", start: 26, end: 33 },
    ]);
    expect(byId.get("crossing")!.length).toBeGreaterThan(1);
    expect(byId.get("inner")!.length).toBeGreaterThan(1);
  });

  it("keeps gaps, adjacent spans and many levels intact", () => {
    check(body, [
      { id: "1", type: "claim", start: 5, end: 60 },
      { id: "2", type: "claim", start: 10, end: 40 },
      { id: "3", type: "event", start: 15, end: 45 },
      { id: "4", type: "actor", start: 19, end: 25 },
      { id: "5", type: "actor", start: 25, end: 30 },
      { id: "6", type: "actor", start: 35, end: 55 },
      { id: "7", type: "actor", start: 62, end: 66 },
    ]);
  });

  it("ignores spans outside the body or empty", () => {
    const tree = nestSpans("abc", [
      { id: "x", type: "actor", start: 2, end: 9 },
      { id: "y", type: "actor", start: 1, end: 1 },
    ]);
    expect(tree).toEqual(["abc"]);
  });

  it("survives random overlapping spans", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const spans: AnnotatedSpan[] = [];
      for (let i = 0; i < 8; i++) {
        const start = random(body.length - 1);
        const end = start + 1 + random(body.length - start);
        const type = (["claim", "actor", "event"] as const)[random(3)]!;
        spans.push({ id: `s${i}`, type, start, end: Math.min(end, body.length) });
      }
      check(body, spans);
    }
  });
});
