/*
 * Shown instead of the app when the stack configuration is missing or broken: what is wrong and the
 * command that fixes it. Never a blank page.
 */
import type { ConfigProblem } from '../config/load-config';

/** The configuration error screen. */
export function ConfigError({ problem }: { problem: ConfigProblem }) {
  return (
    <main className="auth-page">
      <section className="card card-wide" aria-labelledby="page-title">
        <h1 id="page-title">The app is not configured yet</h1>
        <p>{problem.message}</p>
        <p>To fix it, run this at the root of the repository:</p>
        <pre className="command">
          <code>{problem.command}</code>
        </pre>
        <p className="muted">{problem.explanation}</p>
      </section>
    </main>
  );
}
