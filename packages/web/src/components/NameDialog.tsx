/*
 * Asks for a name (a new folder, or a rename) and checks it as it is submitted, before any request:
 * a slash, `.`/`..`, a control character or a key over S3's limit gets its message under the field.
 */
import { type FormEvent, useId, useState } from 'react';
import { nameProblem } from '../files/names';
import { Field } from './Field';
import { ModalDialog } from './ModalDialog';

/** Props of {@link NameDialog}. */
export interface NameDialogProps {
  title: string;
  label: string;
  submitLabel: string;
  kind: 'file' | 'folder';
  /** The name to start from (a rename), else empty. */
  initial?: string;
  /** The full key prefix of the folder the name goes in, for the length check. */
  parentKey: string;
  /** Called with a name that passed the checks. */
  onSubmit(name: string): void;
  onCancel(): void;
}

/** Shown while mounted. */
export function NameDialog({
  title,
  label,
  submitLabel,
  kind,
  initial = '',
  parentKey,
  onSubmit,
  onCancel,
}: NameDialogProps) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = nameProblem(name, parentKey, kind);
    if (problem) setError(problem);
    else onSubmit(name);
  };
  return (
    <ModalDialog labelledBy={titleId} onCancel={onCancel}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        <div className="dialog-body">
          <Field
            label={label}
            value={name}
            error={error}
            autoComplete="off"
            autoFocus
            onChange={(event) => {
              setName(event.target.value);
              setError(null);
            }}
          />
        </div>
        <div className="dialog-actions">
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            {submitLabel}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
