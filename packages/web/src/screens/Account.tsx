/*
 * The account page, its own lazily loaded chunk: the email and whether it is verified, changing the
 * password, the authenticator app (set up, replace, turn off), signing out everywhere, and deleting
 * the account with its private files. Reached from the header's "Account" link.
 */
import { ChangePasswordSection } from '../account/ChangePasswordSection';
import { DeleteAccountSection } from '../account/DeleteAccountSection';
import { TwoFactorSection } from '../account/TwoFactorSection';
import { useAccount } from '../account/useAccount';
import { Header } from '../components/Header';
import { useAction } from '../components/useAction';
import { useFocusOnChange } from '../components/useFocusOnChange';
import '../account/account.css';

/** The signed-in user's account page. */
export function Account() {
  const { auth, user } = useAccount();
  const heading = useFocusOnChange<HTMLHeadingElement>('account');
  const signOutEverywhere = useAction();
  return (
    <>
      <Header />
      <main className="account-page" aria-labelledby="account-title">
        <h1 id="account-title" ref={heading} tabIndex={-1}>
          Account
        </h1>

        <section className="card card-wide account-section" aria-labelledby="profile-title">
          <h2 id="profile-title">Email</h2>
          <p>
            <strong>{user?.email}</strong>{' '}
            {user?.emailVerified ? (
              <span className="badge badge-ok">Verified</span>
            ) : (
              <span className="badge">Not verified</span>
            )}
          </p>
        </section>

        <ChangePasswordSection />
        <TwoFactorSection />

        <section className="card card-wide account-section" aria-labelledby="sessions-title">
          <h2 id="sessions-title">Signed-in devices</h2>
          <p>Sign out on every device and browser where you are signed in, this one included.</p>
          {signOutEverywhere.error ? (
            <p className="field-error" role="alert">
              {signOutEverywhere.error}
            </p>
          ) : null}
          <button
            type="button"
            className="button button-secondary"
            disabled={signOutEverywhere.busy}
            // The library's `signedOut` event takes the app back to sign-in.
            onClick={() => signOutEverywhere.run(() => auth.signOut({ global: true }))}
          >
            Sign out of all devices
          </button>
        </section>

        <DeleteAccountSection />
      </main>
    </>
  );
}
