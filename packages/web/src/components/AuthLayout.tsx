/*
 * The frame of the signed-out screens: the product name and one card with a heading. The library's
 * Cognito code is part of the first load, so nothing needs fetching when a form gets focus.
 */
import type { ReactNode } from 'react';
import { useFocusOnChange } from './useFocusOnChange';

/** A centred card with a page heading. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const heading = useFocusOnChange<HTMLHeadingElement>(title);
  return (
    <main className="auth-page">
      <p className="brand" aria-hidden="true">
        auth-s3 <span>files</span>
      </p>
      <section className="card" aria-labelledby="page-title">
        <h1 id="page-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <div>{children}</div>
      </section>
    </main>
  );
}
