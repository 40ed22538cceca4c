/*
 * Deleting the account, after the user types their email: first the files in their own area (the
 * page says how many), then the user (DeleteUser), which signs them out; the sign-in screen then says
 * what was deleted. Files S3 refused stop it before the user is deleted, so nothing is left that no
 * one can reach. Shared files stay: they belong to everyone who can see them.
 */
import { type FormEvent, useState } from 'react';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { useAction } from '../components/useAction';
import { describeError } from '../errors/describe-error';
import { deletePrivateFiles } from './delete-private-files';
import { useAccount } from './useAccount';

const files = (n: number) => (n === 1 ? '1 private file' : `${n} private files`);

/** The delete-account form. */
export function DeleteAccountSection() {
  const { auth, myFiles, user, setNotice } = useAccount();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const action = useAction();
  const email = user?.email ?? '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem =
      typed.trim().toLowerCase() === email.toLowerCase() ? null : `Type your email, ${email}, to confirm.`;
    setError(problem);
    if (problem) return;
    void action.run(
      async () => {
        setProgress('Deleting your private files…');
        const { removed, failed } = await deletePrivateFiles(myFiles);
        if (failed.length > 0) {
          setProgress(null);
          const first = failed[0];
          action.setError(
            `${files(removed)} deleted, but ${failed.length} could not be (${first?.path}: ${describeError(first?.error)}). Your account was kept; try again.`,
          );
          return;
        }
        setProgress(`Deleted ${files(removed)}. Deleting your account…`);
        // Said on the sign-in screen, where deleting the user (and its `signedOut` event) takes the app.
        setNotice(`Your account was deleted, with its ${files(removed)}.`);
        try {
          await auth.deleteUser();
        } catch (caught) {
          setNotice(null);
          setProgress(null);
          action.setError(`Deleted ${files(removed)}, but not your account: ${describeError(caught)}`);
        }
      },
      () => {
        setProgress(null);
        return false;
      },
    );
  };
  return (
    <section className="card card-wide account-section danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete account</h2>
      <p>
        This deletes your private files and then your account. It cannot be undone. Files in the shared area
        stay.
      </p>
      {progress ? <Alert tone="info">{progress}</Alert> : null}
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      <form onSubmit={submit} noValidate>
        <Field
          label="Type your email to confirm"
          type="email"
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          error={error}
        />
        <button
          type="submit"
          className="button button-danger"
          disabled={action.busy}
          aria-busy={action.busy || undefined}
        >
          Delete my account
        </button>
      </form>
    </section>
  );
}
