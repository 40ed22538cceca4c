/*
 * Baseline page: the same screens as the web app, built the way Amplify's docs show. The
 * Authenticator (sign up, confirm, sign in, reset password) is the initial load; the file list,
 * built on `aws-amplify/storage`, is loaded after sign-in, as the web app splits it.
 */
import { Authenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';
import { Amplify } from 'aws-amplify';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { bucket, identityPoolId, region, userPoolClientId, userPoolId } from '../stack-placeholders.ts';

const FilesView = lazy(() => import('./FilesView.tsx'));

Amplify.configure({
  Auth: { Cognito: { userPoolId, userPoolClientId, identityPoolId, loginWith: { email: true } } },
  Storage: { S3: { bucket, region } },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <Authenticator loginMechanisms={['email']}>
      {({ signOut, user }) => (
        <main>
          <header>
            <span>{user?.signInDetails?.loginId}</span>
            <button type="button" onClick={signOut}>
              Sign out
            </button>
          </header>
          <Suspense fallback={<p>Loading…</p>}>
            <FilesView />
          </Suspense>
        </main>
      )}
    </Authenticator>
  </StrictMode>,
);
