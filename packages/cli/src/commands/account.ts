/*
 * The account commands: `signup`, `confirm`, `login`, `whoami`, `logout`. Each is a thin layer over
 * the library's `auth`: it gathers the email, code or password, calls one method and says what
 * happened and what to run next. The session they start lands in the session file.
 */
import type { Command } from '../command.js';
import { CliError, EXIT } from '../exit-codes.js';
import { passwordSource } from '../password-input.js';

const passwordStdin = { 'password-stdin': { type: 'boolean' } } as const;

export const signup: Command = {
  name: 'signup',
  summary: 'create an account (a code is emailed to confirm it)',
  usage: 'signup EMAIL [--password-stdin]',
  help: `Creates an account for EMAIL and sends a confirmation code to it. The password is typed
twice without echo, or read from the first line of standard input with --password-stdin.

Examples:
  auth-s3 signup ada@example.com
  printf '%s\\n' "$PASSWORD" | auth-s3 signup ada@example.com --password-stdin`,
  options: passwordStdin,
  args: { required: ['EMAIL'] },
  async run(context, [email = ''], values) {
    const passwords = passwordSource(context.io, values['password-stdin'] === true);
    const password = await passwords.read('Choose a password');
    if (!values['password-stdin'] && (await passwords.read('Type it again')) !== password) {
      throw new CliError('The two passwords differ. Run signup again.', EXIT.usage);
    }
    const { auth } = context.library();
    const result = await auth.signUp(email, password);
    if (context.flags.json) return context.record({ email, ...result });
    if (result.userConfirmed)
      return context.result(`Account ${email} created. Sign in: auth-s3 login ${email}`);
    context.result(
      `Account ${email} created. A code was sent to ${result.codeDeliveredTo ?? email}: run \`auth-s3 confirm ${email} CODE\`.`,
    );
  },
};

export const confirm: Command = {
  name: 'confirm',
  summary: 'confirm an account with the emailed code',
  usage: 'confirm EMAIL CODE | confirm EMAIL --resend',
  help: `Confirms EMAIL with the code from the confirmation email, or with --resend asks for a new code.

Examples:
  auth-s3 confirm ada@example.com 123456
  auth-s3 confirm ada@example.com --resend`,
  options: { resend: { type: 'boolean' } },
  args: { required: ['EMAIL'], optional: 1 },
  async run(context, [email = '', code], values) {
    const { auth } = context.library();
    if (values.resend) {
      const { codeDeliveredTo } = await auth.resendCode(email);
      return context.result(`A new code was sent to ${codeDeliveredTo ?? email}.`);
    }
    if (!code)
      throw new CliError(
        'confirm needs the CODE from the email (or --resend). See `auth-s3 confirm --help`.',
        EXIT.usage,
      );
    await auth.confirmSignUp(email, code, { autoSignIn: false });
    if (context.flags.json) return context.record({ email, confirmed: true });
    context.result(`${email} is confirmed. Sign in: auth-s3 login ${email}`);
  },
};

export const login: Command = {
  name: 'login',
  summary: 'sign in; the session is kept for the next commands',
  usage: 'login EMAIL [--password-stdin]',
  help: `Signs in as EMAIL (SRP: the password never leaves this machine) and keeps the session in
$XDG_CONFIG_HOME/auth-s3/ (or ~/.config/auth-s3/), readable by you alone. The password is typed
without echo, or read from standard input with --password-stdin. When an administrator requires a
new password it is asked for next (with --password-stdin: the second line), and so is the code of
an account's authenticator app (the next line).

Examples:
  auth-s3 login ada@example.com
  printf '%s\\n' "$PASSWORD" | auth-s3 login ada@example.com --password-stdin`,
  options: passwordStdin,
  args: { required: ['EMAIL'] },
  async run(context, [email = ''], values) {
    const passwords = passwordSource(context.io, values['password-stdin'] === true);
    const password = await passwords.read('Password');
    const { auth } = context.library();
    let result = await auth.signIn(email, password);
    if (result.status === 'newPasswordRequired') {
      context.note('An administrator requires a new password for this account.');
      // A pool with MFA goes on to the code or the app set-up, below.
      result = await result.completeNewPassword(await passwords.read('New password'));
    }
    if (result.status === 'totpRequired') {
      const user = await result.submitCode(await passwords.read('Authenticator code'));
      result = { status: 'done', user };
    } else if (result.status === 'totpSetupRequired') {
      context.note(
        `This account must set up an authenticator app. Add this key to it: ${result.secret}\n(or open ${result.uri})`,
      );
      const user = await result.verify(await passwords.read('Code from the authenticator app'));
      result = { status: 'done', user };
    }
    if (context.flags.json) return context.record({ email: result.user.email, sub: result.user.sub });
    context.result(`Signed in as ${result.user.email}.`);
  },
};

export const whoami: Command = {
  name: 'whoami',
  summary: 'show who is signed in',
  usage: 'whoami',
  help: `Shows the signed-in user (refreshing the session if it is due), or exits with 3 when there is none.

Example:
  auth-s3 whoami`,
  options: {},
  args: { required: [] },
  async run(context) {
    const { auth } = context.library();
    const session = await auth.getSession();
    const user = auth.currentUser();
    if (!session || !user) {
      throw new CliError('Not signed in. Run `auth-s3 login EMAIL` to sign in.', EXIT.notSignedIn);
    }
    const expiresAt = new Date(session.expiresAt).toISOString();
    if (context.flags.json) return context.record({ email: user.email, sub: user.sub, expiresAt });
    context.result(`${user.email} (sub ${user.sub}); session tokens valid until ${expiresAt}`);
  },
};

export const logout: Command = {
  name: 'logout',
  summary: 'sign out here, or everywhere with --everywhere',
  usage: 'logout [--everywhere]',
  help: `Signs out: revokes this session's refresh token and deletes it from the session file. With
--everywhere, signs out of every device and program this account is signed in on.

Examples:
  auth-s3 logout
  auth-s3 logout --everywhere`,
  options: { everywhere: { type: 'boolean' } },
  args: { required: [] },
  async run(context, _positionals, values) {
    const { auth } = context.library();
    const user = auth.currentUser();
    if (!user) return context.result('Not signed in.');
    await auth.signOut({ global: values.everywhere === true });
    context.result(
      values.everywhere
        ? `Signed ${user.email} out everywhere.`
        : `Signed ${user.email} out on this machine.`,
    );
  },
};
