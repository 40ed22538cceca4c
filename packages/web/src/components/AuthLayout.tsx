/*
 * The frame of the signed-out screens: the product name and one card with a heading. The first focus
 * inside the card starts loading the library's Cognito code, which the first page load leaves out.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { useAuth } from '../auth/useAuth';
import { useFocusOnChange } from './useFocusOnChange';

/** A centred card with a page heading. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { auth } = useAuth();
  const heading = useFocusOnChange<HTMLHeadingElement>(title);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = body.current;
    // A failed preload only means the code loads with the first request instead.
    const preload = () => void auth.preload().catch(() => {});
    element?.addEventListener('focusin', preload, { once: true });
    return () => element?.removeEventListener('focusin', preload);
  }, [auth]);
  return (
    <main className="auth-page">
      <p className="brand" aria-hidden="true">
        auth-s3 <span>files</span>
      </p>
      <section className="card" aria-labelledby="page-title">
        <h1 id="page-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {/* Not the heading: it takes focus on every screen change, which is no sign of intent. */}
        <div ref={body}>{children}</div>
      </section>
    </main>
  );
}
