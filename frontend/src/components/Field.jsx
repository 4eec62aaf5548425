/** A labelled form control with an optional hint and a field error wired to aria-describedby. */
import { useId } from "react";

export function Field({ label, hint, error, children, className = "" }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field ${className}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Server validation details (`[{field, message}]`) as a map from field name to message. */
export function fieldErrors(error) {
  const errors = {};
  for (const detail of Array.isArray(error?.details) ? error.details : []) {
    if (detail?.field) errors[detail.field] = detail.message;
  }
  return errors;
}
