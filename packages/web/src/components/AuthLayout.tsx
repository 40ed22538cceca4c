/*
 * The frame of the signed-out screens: the product name and one card with a heading. The first focus
 * inside the card starts loading the library's Cognito code, which the first page load leaves out.
 */
import type { ReactNode } from 'react';
import { useAuth } from '../auth/useAuth';

/** A centred card with a page heading. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { auth } = useAuth();
  // A failed preload only means the code loads with the first request instead.
  const preload = () => void auth.preload().catch(() => {});
  return (
    <main className="auth-page">
      <p className="brand" aria-hidden="true">
        auth-s3 <span>files</span>
      </p>
      <section className="card" aria-labelledby="page-title" onFocus={preload}>
        <h1 id="page-title">{title}</h1>
        {children}
      </section>
    </main>
  );
}
