/*
 * The signed-in header: the files and account pages (plain links, so the keyboard reaches them in
 * order), who is signed in, sign out here, and sign out of every device.
 */
import { useAuth } from '../auth/useAuth';
import { filesRoute, routeHref, useRoute } from '../router';
import { useAction } from './useAction';

/** The app header of the signed-in pages. */
export function Header() {
  const { auth, user } = useAuth();
  const route = useRoute();
  const action = useAction();
  // The library's `signedOut` event takes the app back to sign-in.
  const signOut = (global: boolean) => action.run(() => auth.signOut({ global }));
  return (
    <header className="app-header">
      <p className="brand">
        auth-s3 <span>files</span>
      </p>
      <nav className="header-nav" aria-label="Pages">
        <a href={routeHref(filesRoute('mine'))} aria-current={route.name === 'files' ? 'page' : undefined}>
          Files
        </a>
        <a href={routeHref({ name: 'account' })} aria-current={route.name === 'account' ? 'page' : undefined}>
          Account
        </a>
      </nav>
      <div className="header-user">
        <span className="user-email" title="Signed in as">
          {user?.email}
        </span>
        <button
          type="button"
          className="button button-secondary"
          disabled={action.busy}
          onClick={() => signOut(false)}
        >
          Sign out
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={action.busy}
          onClick={() => signOut(true)}
        >
          Sign out everywhere
        </button>
      </div>
      {action.error ? (
        <p className="field-error header-error" role="alert">
          {action.error}
        </p>
      ) : null}
    </header>
  );
}
