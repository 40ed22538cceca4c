/*
 * The Cognito service's JSON 1.1 answers for errors outside its own branch: only a CognitoError
 * goes out as its `__type`; anything else, even another member of the emulator's error family
 * such as a StateFileError from a failed save, is a bug to the client and answers
 * InternalErrorException (HTTP 500), its cause logged, never sent.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestLog } from '../request-log.js';
import { CLIENT_ID, testServices } from './__tests__/test-services.js';
import { createCognitoService } from './index.js';
import { StateFileError } from './store/json-file-store.js';

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('createCognitoService', () => {
  it('answers a StateFileError from a failed save with InternalErrorException, not its own type', async () => {
    const services = await testServices();
    services.store.save = () =>
      Promise.reject(new StateFileError('Cannot write state.json; check that the data dir is writable'));
    const cognito = createCognitoService({ services, requestLog: new RequestLog() });
    server = createServer((req, res) => void cognito.handle(req, res));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp',
      },
      body: JSON.stringify({ ClientId: CLIENT_ID, Username: 'ada@example.com', Password: 'Correct-Horse-1' }),
    });

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ __type: 'InternalErrorException', message: 'Internal error' });
    expect(services.logged.join('\n')).toContain('StateFileError');
  });
});
