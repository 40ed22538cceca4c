/*
 * The screens that add an authenticator app (the account page, and the sign-in step of a pool that
 * requires one) are their own chunks, loaded on demand: they carry the QR encoder, which the sign-in
 * screen's first load must not.
 */
import { lazy } from 'react';

/** The account page as a lazy component. */
export const LazyAccount = lazy(() => import('./Account').then((m) => ({ default: m.Account })));

/** The sign-in step that sets up the required authenticator app, as a lazy component. */
export const LazyMfaSetupStep = lazy(() =>
  import('./MfaSetupStep').then((m) => ({ default: m.MfaSetupStep })),
);
