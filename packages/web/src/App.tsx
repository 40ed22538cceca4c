/*
 * Picks the screen from the route and the sign-in state. Signed out, a files route shows Sign in in
 * place, so after signing in (say, after an expired session) the user is back in the same folder.
 * Signed in, the auth routes lead to the files view; the account page is its own lazy chunk.
 */
import { Suspense, useCallback, useEffect } from 'react';
import { useAuth } from './auth/useAuth';
import { AREA_LABELS } from './files/entry';
import { useFiles } from './files/useFiles';
import { filesRoute, navigate, type Route, useRoute } from './router';
import { ConfirmSignUp } from './screens/ConfirmSignUp';
import { ForgotPassword } from './screens/ForgotPassword';
import { LazyAccount } from './screens/lazy-account';
import { LazyFiles, prefetchFiles } from './screens/lazy-files';
import { SignIn } from './screens/SignIn';
import { SignUp } from './screens/SignUp';

/** The whole app, under `AuthS3Provider`. */
export function App() {
  const route = useRoute();
  const { status } = useAuth();
  const { files } = useFiles();
  const prefetch = useCallback(() => void prefetchFiles(files), [files]);
  const signedInRoute = route.name === 'files' || route.name === 'account';
  const wrongSide = status === 'signedIn' && !signedInRoute;

  useEffect(() => {
    if (wrongSide) navigate(filesRoute('mine'), { replace: true });
  }, [wrongSide]);

  useEffect(() => {
    // Name the page for the tab and for screen readers announcing the navigation.
    const titles: Record<Route['name'], string> = {
      signIn: 'Sign in',
      signUp: 'Create an account',
      confirm: 'Confirm your email',
      forgot: 'Reset password',
      files: 'Files',
      account: 'Account',
    };
    // Signed out, a signed-in route shows Sign in in place; signed in, an auth route leads to Files.
    const title =
      status !== 'signedIn'
        ? titles[signedInRoute ? 'signIn' : route.name]
        : route.name === 'files'
          ? AREA_LABELS[route.area]
          : titles[signedInRoute ? route.name : 'files'];
    document.title = `${title} · auth-s3 files`;
  }, [route, status, signedInRoute]);

  if (status === 'checking' || wrongSide) return <Loading />;
  if (status === 'signedIn' && route.name === 'account') {
    return (
      <Suspense fallback={<Loading />}>
        <LazyAccount />
      </Suspense>
    );
  }
  if (status === 'signedIn' && route.name === 'files') {
    return (
      <Suspense fallback={<Loading />}>
        <LazyFiles area={route.area} path={route.path} view={route.view} />
      </Suspense>
    );
  }
  switch (route.name) {
    case 'signUp':
      return <SignUp />;
    case 'confirm':
      return <ConfirmSignUp key={route.email} email={route.email} />;
    case 'forgot':
      return <ForgotPassword email={route.email} />;
    default:
      return <SignIn onTypingPassword={prefetch} />;
  }
}

function Loading() {
  return (
    <main className="loading" aria-busy="true">
      <p role="status">Loading…</p>
    </main>
  );
}
