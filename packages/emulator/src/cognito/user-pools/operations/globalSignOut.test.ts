/* Unit tests for GlobalSignOut: every session of the user ends, other users' do not. */
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, seedUser, testServices } from '../../__tests__/test-services.js';
import { getUser } from './getUser.js';
import { globalSignOut } from './globalSignOut.js';

const ClientId = CLIENT_ID;

describe('globalSignOut', () => {
  it('revokes all of the user\u2019s sessions and none of anyone else\u2019s', async () => {
    const services = await testServices();
    const ada = seedUser(services, 'ada@example.com');
    const grace = seedUser(services, 'grace@example.com');
    const first = services.tokens.signIn(ada, ClientId);
    const second = services.tokens.signIn(ada, ClientId);
    const other = services.tokens.signIn(grace, ClientId);
    await globalSignOut(services)({ AccessToken: first.AccessToken });
    await expect(getUser(services)({ AccessToken: second.AccessToken })).rejects.toThrow(
      'Access Token has been revoked',
    );
    expect(() => services.tokens.refresh(second.RefreshToken ?? '', ClientId)).toThrow(
      'Refresh Token has been revoked',
    );
    await expect(getUser(services)({ AccessToken: other.AccessToken })).resolves.toHaveProperty('Username');
  });
});
