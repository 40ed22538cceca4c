/*
 * Shown instead of the app when the stack configuration is missing or broken: what is wrong and the
 * command that fixes it. Never a blank page. On a deployed site the reader may be a visitor, so the
 * fix is addressed to whoever runs the site.
 */
import type { ConfigProblem } from '../config/load-config';

/** The configuration error screen. */
export function ConfigError({ problem }: { problem: ConfigProblem }) {
  return (
    <main className="auth-page">
      <section className="card card-wide" aria-labelledby="page-title">
        <h1 id="page-title">
          {problem.deployed
            ? 'This site cannot start: its configuration is missing'
            : 'The app is not configured yet'}
        </h1>
        <p>{problem.message}</p>
        <p>
          {problem.deployed
            ? 'If you run this site, deploy the stack again from the root of the repository:'
            : 'To fix it, run this at the root of the repository:'}
        </p>
        <pre className="command">
          <code>{problem.command}</code>
        </pre>
        <p className="muted">{problem.explanation}</p>
      </section>
    </main>
  );
}
