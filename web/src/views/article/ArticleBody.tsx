// The article's body with nested highlights (src/highlight/nest-spans.ts). Every highlight is
// focusable; hovering or focusing one shows what it is, and what encloses it (an actor named
// inside a claim shows the actor and the claim), in a tooltip the highlight is described by.
import {
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { type AnnotationType, nestSpans, type TreeNode } from "../../highlight/nest-spans.ts";
import { AnnotationDetails } from "./AnnotationDetails.tsx";
import type { ArticleIndex } from "./article-index.ts";

export type Visible = Record<AnnotationType, boolean>;

const TOOLTIP_ID = "annotation-tooltip";

interface Active {
  /** The highlight under the pointer or focused, then the ones enclosing it. */
  ids: string[];
  /** Where to show the tooltip: the pointer, or the focused element. */
  anchor: { x: number; y: number } | HTMLElement;
}

/** The annotation ids of `element` and of the highlights around it, innermost first. */
function chainOf(element: Element | null, container: Element): string[] {
  const ids: string[] = [];
  let current = element?.closest("[data-ann-id]") ?? null;
  while (current && container.contains(current)) {
    const id = current.getAttribute("data-ann-id");
    if (id && current.getAttribute("data-shown") === "true") ids.push(id);
    current = current.parentElement?.closest("[data-ann-id]") ?? null;
  }
  return ids;
}

export function ArticleBody({
  body,
  index,
  visible,
}: {
  body: string;
  index: ArticleIndex;
  visible: Visible;
}) {
  const tree = useMemo(() => nestSpans(body, index.spans), [body, index]);
  const [active, setActive] = useState<Active | null>(null);
  const [, redraw] = useState(0);
  const pointer = useRef<{ x: number; y: number } | null>(null);

  // A tooltip at the pointer goes away on scroll; one at a focused highlight follows it.
  useEffect(() => {
    if (!active) return;
    const onScroll = () => {
      if (active.anchor instanceof HTMLElement) redraw((n) => n + 1);
      else setActive(null);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => window.removeEventListener("scroll", onScroll);
  }, [active]);

  const onMouseOver = (event: MouseEvent<HTMLDivElement>) => {
    // Text scrolled under a resting pointer (to a highlight focused by keyboard) is no hover.
    const last = pointer.current;
    pointer.current = { x: event.clientX, y: event.clientY };
    if (last && last.x === event.clientX && last.y === event.clientY) return;
    const ids = chainOf(event.target as Element, event.currentTarget);
    setActive(ids.length > 0 ? { ids, anchor: { x: event.clientX, y: event.clientY } } : null);
  };
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const ids = chainOf(target, event.currentTarget);
    setActive(ids.length > 0 ? { ids, anchor: target } : null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") setActive(null);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the handlers only show tooltips for the focusable highlights inside
    <div
      className={`article-body ${(Object.keys(visible) as AnnotationType[])
        .filter((type) => !visible[type])
        .map((type) => `hide-${type}`)
        .join(" ")}`}
      onMouseOver={onMouseOver}
      onMouseMove={(event) => {
        pointer.current = { x: event.clientX, y: event.clientY };
      }}
      onMouseLeave={() => setActive(null)}
      onFocus={onFocus}
      onBlur={() => setActive(null)}
      onKeyDown={onKeyDown}
    >
      <a className="skip-inline" href="#annotation-panels">
        Skip the highlighted text to the lists of actors, claims and events
      </a>
      <div className="body-text">{renderTree(tree, index, visible, active)}</div>
      {active ? <Tooltip active={active} index={index} /> : null}
    </div>
  );
}

function renderTree(
  nodes: readonly TreeNode[],
  index: ArticleIndex,
  visible: Visible,
  active: Active | null,
): ReactNode[] {
  return nodes.map((node) => {
    if (typeof node === "string") return node;
    const { span, fragment } = node;
    const shown = visible[span.type];
    const describedBy = active?.ids[0] === span.id && fragment === 0 ? TOOLTIP_ID : undefined;
    return (
      <mark
        key={`${span.id}:${fragment}`}
        className={`ann ${span.type}${alternate(span.id, index) ? " alt" : ""}${
          active?.ids.includes(span.id) ? " active" : ""
        }`}
        data-ann-id={span.id}
        data-type={span.type}
        data-fragment={fragment}
        data-shown={shown}
        // The first fragment of a shown highlight is a tab stop; the rest only point at it.
        tabIndex={shown && fragment === 0 ? 0 : -1}
        aria-describedby={describedBy}
        id={fragment === 0 ? `ann-${span.id}` : undefined}
      >
        {renderTree(node.children, index, visible, active)}
      </mark>
    );
  });
}

/** Every other claim in text order is shaded differently, so claims side by side stay apart. */
function alternate(id: string, index: ArticleIndex): boolean {
  return (index.claimOrder.get(id) ?? 0) % 2 === 1;
}

function Tooltip({ active, index }: { active: Active; index: ArticleIndex }) {
  let x: number;
  let y: number;
  if (active.anchor instanceof HTMLElement) {
    const rect = active.anchor.getClientRects()[0] ?? active.anchor.getBoundingClientRect();
    x = rect.left;
    y = rect.bottom;
  } else {
    ({ x, y } = active.anchor);
  }
  const width = Math.min(360, window.innerWidth - 16);
  const left = Math.max(8, Math.min(x, window.innerWidth - width - 8));
  const below = y + 12;
  // Above the anchor when there is little room below it.
  const top = below + 260 > window.innerHeight && y > 300 ? Math.max(8, y - 272) : below;
  const style = { "--tip-left": `${left}px`, "--tip-top": `${top}px`, "--tip-width": `${width}px` };
  return (
    <div id={TOOLTIP_ID} role="tooltip" className="tooltip" style={style as CSSProperties}>
      {active.ids.map((id) => {
        const annotation = index.byId.get(id);
        return annotation ? <AnnotationDetails key={id} annotation={annotation} /> : null;
      })}
    </div>
  );
}
