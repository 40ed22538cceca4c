/*
 * Picks the screen from the route and the sign-in state. Signed out, a files route shows Sign in in
 * place, so after signing in (say, after an expired session) the user is back in the same folder.
 * Signed in, the auth routes lead to the files view.
 */
import { Suspense, useCallback, useEffect } from 'react';
import { useAuth } from './auth/useAuth';
import { AREA_LABELS } from './files/entry';
import { useFiles } from './files/useFiles';
import { filesRoute, navigate, useRoute } from './router';
import { ConfirmSignUp } from './screens/ConfirmSignUp';
import { ForgotPassword } from './screens/ForgotPassword';
import { LazyFiles, prefetchFiles } from './screens/lazy-files';
import { SignIn } from './screens/SignIn';
import { SignUp } from './screens/SignUp';

/** The whole app, under `AuthS3Provider`. */
export function App() {
  const route = useRoute();
  const { status } = useAuth();
  const { files } = useFiles();
  const prefetch = useCallback(() => void prefetchFiles(files), [files]);
  const wrongSide = status === 'signedIn' && route.name !== 'files';

  useEffect(() => {
    if (wrongSide) navigate(filesRoute('mine'), { replace: true });
  }, [wrongSide]);

  useEffect(() => {
    // Name the page for the tab and for screen readers announcing the navigation.
    const titles = {
      signIn: 'Sign in',
      signUp: 'Create an account',
      confirm: 'Confirm your email',
      forgot: 'Reset password',
    };
    const title =
      route.name !== 'files'
        ? status === 'signedIn'
          ? 'Files'
          : titles[route.name]
        : status === 'signedIn'
          ? AREA_LABELS[route.area]
          : 'Sign in';
    document.title = `${title} · auth-s3 files`;
  }, [route, status]);

  if (status === 'checking' || wrongSide) return <Loading />;
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
