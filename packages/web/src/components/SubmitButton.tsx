/*
 * The primary button of a form; while the request runs it stays named but says it is busy.
 */
import type { ReactNode } from 'react';

/** A submit button that is disabled and marked busy while `busy`. */
export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
      {children}
    </button>
  );
}
