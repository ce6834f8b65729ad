// The fields of a filter form, each showing one URL search parameter and reporting a change to
// it, so every filter lives in the URL (bookmarkable, back button) the same way in every view.
import type { ReactNode } from "react";
import { EVENT_KINDS, words } from "../format/words.ts";

interface ParamFieldProps {
  /** The element id, which the label points at. */
  id: string;
  label: string;
  /** The URL search parameter the field shows. */
  param: string;
  params: URLSearchParams;
  onChange: (param: string, value: string) => void;
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A choice among `options`, or none (`anyLabel`, an empty parameter). */
export function SelectField({
  anyLabel,
  options,
  ...field
}: ParamFieldProps & { anyLabel: string; options: readonly SelectOption[] }) {
  return (
    <FieldRow id={field.id} label={field.label}>
      <select
        id={field.id}
        value={field.params.get(field.param) ?? ""}
        onChange={(e) => field.onChange(field.param, e.target.value)}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldRow>
  );
}

/** A day, as the browser's date input writes it (YYYY-MM-DD), or none. */
export function DateField(field: ParamFieldProps) {
  return (
    <FieldRow id={field.id} label={field.label}>
      <input
        id={field.id}
        type="date"
        value={field.params.get(field.param) ?? ""}
        onChange={(e) => field.onChange(field.param, e.target.value)}
      />
    </FieldRow>
  );
}

/** The event kinds as select options, in words. */
export const EVENT_KIND_OPTIONS: readonly SelectOption[] = EVENT_KINDS.map((kind) => ({
  value: kind,
  label: words(kind),
}));

function FieldRow({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
