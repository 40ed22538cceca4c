/*
 * A message box: `error` is announced at once (role alert), `info` politely (role status).
 */
import type { ReactNode } from 'react';

/** A message shown above a form or a list. */
export function Alert({ tone, children }: { tone: 'error' | 'info' | 'success'; children: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
