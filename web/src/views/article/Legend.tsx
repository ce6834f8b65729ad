// What the colours mean, and a switch for each kind of highlight.
import type { AnnotationType } from "../../highlight/nest-spans.ts";
import type { Visible } from "./ArticleBody.tsx";

export const TYPE_LABELS: Record<AnnotationType, string> = {
  claim: "Claims",
  actor: "Actor mentions",
  event: "Event mentions",
};

export function Legend({
  visible,
  onToggle,
  counts,
}: {
  visible: Visible;
  onToggle: (type: AnnotationType) => void;
  counts: Record<AnnotationType, number>;
}) {
  return (
    <fieldset className="legend">
      <legend>Highlights</legend>
      {(Object.keys(TYPE_LABELS) as AnnotationType[]).map((type) => (
        <label key={type} className={`legend-item ${type}`}>
          <input type="checkbox" checked={visible[type]} onChange={() => onToggle(type)} />
          <span className={`swatch ${type}`} aria-hidden="true" />
          {TYPE_LABELS[type]} ({counts[type]})
        </label>
      ))}
    </fieldset>
  );
}
