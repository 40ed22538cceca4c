/*
 * Baseline page: the seed the project started from, bare AWS SDK v3 calls in one React page.
 * Sign up, confirm and sign in with USER_PASSWORD_AUTH (InitiateAuth), then list `public/` with
 * client-s3 through credential-providers' `fromCognitoIdentityPool`. Everything loads up front.
 */
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { type FormEvent, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { bucket, identityPoolId, region, userPoolClientId, userPoolId } from '../stack-placeholders.ts';

const cognito = new CognitoIdentityProviderClient({ region });

function App() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [keys, setKeys] = useState<string[]>();

  const signUp = async () => {
    await cognito.send(
      new SignUpCommand({ ClientId: userPoolClientId, Username: email, Password: password }),
    );
  };

  const confirm = async () => {
    await cognito.send(
      new ConfirmSignUpCommand({ ClientId: userPoolClientId, Username: email, ConfirmationCode: code }),
    );
  };

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    const auth = await cognito.send(
      new InitiateAuthCommand({
        ClientId: userPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    );
    const idToken = auth.AuthenticationResult?.IdToken;
    if (!idToken) return;
    const s3 = new S3Client({
      region,
      credentials: fromCognitoIdentityPool({
        identityPoolId,
        logins: { [`cognito-idp.${region}.amazonaws.com/${userPoolId}`]: idToken },
        clientConfig: { region },
      }),
    });
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'public/' }));
    setKeys((listed.Contents ?? []).map((object) => object.Key ?? ''));
  };

  return (
    <main>
      <form onSubmit={signIn}>
        <input aria-label="Email" value={email} onChange={(e) => setEmail(e.target.value)} />
        <input
          aria-label="Password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <input aria-label="Code" value={code} onChange={(e) => setCode(e.target.value)} />
        <button type="button" onClick={() => signUp().catch(console.log)}>
          Sign up
        </button>
        <button type="button" onClick={() => confirm().catch(console.log)}>
          Confirm
        </button>
        <button type="submit">Sign in</button>
      </form>
      <ul>
        {keys?.map((key) => (
          <li key={key}>{key}</li>
        ))}
      </ul>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
