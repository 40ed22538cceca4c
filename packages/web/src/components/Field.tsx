/*
 * A labelled text input with an optional hint and error, wired for screen readers (`aria-describedby`,
 * `aria-invalid`). Every form in the app is built from it.
 */
import { type InputHTMLAttributes, type ReactNode, useId } from 'react';

/** Props of {@link Field}: a label, and any input attribute. */
export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** Ids of more elements that describe the input (e.g. the password rules). */
  describedBy?: string;
}

/** One labelled input. */
export function Field({ label, hint, error, describedBy, ...input }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const described = [hintId, errorId, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

/** A field's validation message, with the id its input's `aria-describedby` names; nothing when valid. */
export function FieldError({ id, error }: { id: string | undefined; error?: string | null }) {
  return error ? (
    <p className="field-error" id={id}>
      {error}
    </p>
  ) : null;
}
