/*
 * The session between commands: kept in the XDG config dir with mode 0600, refused when others
 * could read it, ended by a global sign-out on another machine (the next command exits with the
 * "not signed in" code, 3), and removed by `logout`.
 */
import { spawn } from 'node:child_process';
import { chmod, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliHarness, cliCommand, PASSWORD, startCliHarness } from './cli-harness.js';

let harness: CliHarness;

beforeAll(async () => {
  harness = await startCliHarness();
});
afterAll(() => harness?.stop());

async function sessionFile(config: string): Promise<string> {
  const [name] = await readdir(join(config, 'auth-s3'));
  if (!name) throw new Error('no session file');
  return join(config, 'auth-s3', name);
}

describe('the session file', () => {
  it('is refused, with the fix in the message, when other users could read it', async () => {
    const laptop = await harness.machine();
    await harness.signedInUser(laptop, 'wide@example.com');
    const file = await sessionFile(laptop.config);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await chmod(file, 0o644);
    const refused = await laptop.cli(['ls']);
    expect(refused.code).toBe(7);
    expect(refused.stderr).toMatch(
      /session file .* can be read or changed by other users \(mode 0644\).*chmod 600/,
    );
    expect(refused.stdout).toBe('');
    await chmod(file, 0o600);
    expect((await laptop.cli(['ls'])).code).toBe(0);
  });

  it('ends when the account signs out everywhere from another machine: the next command exits 3', async () => {
    const laptop = await harness.machine();
    await harness.signedInUser(laptop, 'everywhere@example.com');
    expect((await laptop.cli(['ls'])).code).toBe(0);
    const phone = await harness.machine();
    const login = await phone.cli(['login', 'everywhere@example.com', '--password-stdin'], {
      input: `${PASSWORD}\n`,
    });
    expect(login.code, login.stderr).toBe(0);
    const out = await phone.cli(['logout', '--everywhere']);
    expect(out.stdout).toBe('Signed everywhere@example.com out everywhere.\n');

    const next = await laptop.cli(['ls']);
    expect(next.code).toBe(3);
    expect(next.stderr).toMatch(/signed out, possibly on another device.*auth-s3 login/);
    expect(next.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prompts for the password on a terminal without echoing it', async () => {
    const desk = await harness.machine();
    await harness.signedInUser(await harness.machine(), 'typist@example.com');
    // `script` gives the CLI a pseudo-terminal: stdin is a TTY, as when a person types.
    const command = cliCommand(['login', 'typist@example.com'])
      .map((part) => `'${part}'`)
      .join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: desk.home,
      env: {
        PATH: process.env.PATH,
        HOME: desk.home,
        XDG_CONFIG_HOME: desk.config,
        AUTH_S3_OUTPUTS: harness.outputsFile,
      },
    });
    let output = '';
    let typed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!typed && output.includes('Password: ')) {
        typed = true;
        child.stdin.write(`${PASSWORD}\r`);
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(output).toMatch(/Password: \r?\n.*Signed in as typist@example\.com\./s);
    expect(output).not.toContain(PASSWORD);
  });

  it('asks for a new password when an administrator requires one (the second line of stdin)', async () => {
    const idp = new CognitoIdentityProviderClient({
      region: harness.emulator.model.region,
      endpoint: harness.emulator.endpoint,
      // Admin calls are signed; the emulator does not check the key.
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });
    await idp.send(
      new AdminCreateUserCommand({
        UserPoolId: harness.emulator.model.userPool.id,
        Username: 'invited@example.com',
        TemporaryPassword: 'Temporary-Pass-1',
        UserAttributes: [
          { Name: 'email', Value: 'invited@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    idp.destroy();
    const desk = await harness.machine();
    const missing = await desk.cli(['login', 'invited@example.com', '--password-stdin'], {
      input: 'Temporary-Pass-1\n',
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/An administrator requires a new password/);
    expect(missing.stderr).toMatch(/standard input has no line for "New password"/);
    const login = await desk.cli(['login', 'invited@example.com', '--password-stdin'], {
      input: `Temporary-Pass-1\n${PASSWORD}\n`,
    });
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toBe('Signed in as invited@example.com.\n');
    const again = await (await harness.machine()).cli(['login', 'invited@example.com', '--password-stdin'], {
      input: `${PASSWORD}\n`,
    });
    expect(again.code, again.stderr).toBe(0);
  });

  it('is gone after logout, and commands then say to log in', async () => {
    const laptop = await harness.machine();
    await harness.signedInUser(laptop, 'leaving@example.com');
    expect((await laptop.cli(['logout'])).stdout).toBe('Signed leaving@example.com out on this machine.\n');
    expect(await readdir(join(laptop.config, 'auth-s3'))).toEqual([]);
    const whoami = await laptop.cli(['whoami']);
    expect(whoami.code).toBe(3);
    expect(whoami.stderr).toBe('auth-s3: Not signed in. Run `auth-s3 login EMAIL` to sign in.\n');
    const ls = await laptop.cli(['ls']);
    expect(ls.code).toBe(3);
  });
});
