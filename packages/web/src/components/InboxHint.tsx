/*
 * Against the emulator no email is sent: this hint links to the emulator's inbox, where the codes are.
 * Against AWS it renders nothing.
 */
import { useAuth } from '../auth/useAuth';

/** A link to the emulator's inbox for `email`, when running locally. */
export function InboxHint({ email }: { email: string }) {
  const { inboxUrl } = useAuth();
  const url = email ? inboxUrl(email) : null;
  if (!url) return null;
  return (
    <p className="hint-box">
      Running on the local emulator: no email is sent.{' '}
      <a href={url} target="_blank" rel="noreferrer">
        Open the emulator's inbox
      </a>{' '}
      to read the code.
    </p>
  );
}
