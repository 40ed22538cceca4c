/*
 * Where the emulator's "mail" goes: every code and temporary password lands here (newest
 * first when read), is served at `/_emulator/inbox`, and is announced on the console so a
 * developer can sign up without a mail server.
 */
import type { Clock } from '../../clock.js';
import type { StateStore } from '../store/json-file-store.js';
import type { InboxMessage } from '../store/state.js';

const MAX_MESSAGES = 1000;

/** Prints one line for a developer; quiet emulators pass a no-op. */
export type Logger = (line: string) => void;

/** The inbox. */
export class Inbox {
  constructor(
    private readonly store: StateStore,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Delivers a message; the caller saves the store. */
  deliver(message: Omit<InboxMessage, 'sentAt'>): void {
    const inbox = this.store.state.inbox;
    inbox.push({ ...message, sentAt: new Date(this.clock.now()).toISOString() });
    if (inbox.length > MAX_MESSAGES) inbox.splice(0, inbox.length - MAX_MESSAGES);
    // Temporary passwords are secrets: the console points at the inbox instead.
    const what =
      message.kind === 'temporaryPassword' ? 'temporary password (see the inbox)' : `code ${message.code}`;
    this.log(`✉  ${message.kind} ${what} → ${message.to}`);
  }

  /** Messages newest first, optionally only those to `to` (case-insensitive). */
  list(to?: string): InboxMessage[] {
    const wanted = to?.toLowerCase();
    return this.store.state.inbox
      .filter((m) => wanted === undefined || m.to.toLowerCase() === wanted)
      .reverse();
  }
}

/** `j***@e***`, as Cognito shows where a code went. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}
