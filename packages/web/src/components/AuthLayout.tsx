/*
 * The frame of the signed-out screens: the product name and one card with a heading.
 */
import type { ReactNode } from 'react';

/** A centred card with a page heading. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="auth-page">
      <p className="brand" aria-hidden="true">
        auth-s3 <span>files</span>
      </p>
      <section className="card" aria-labelledby="page-title">
        <h1 id="page-title">{title}</h1>
        {children}
      </section>
    </main>
  );
}
