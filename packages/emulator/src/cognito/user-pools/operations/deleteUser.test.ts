/* Unit tests for DeleteUser: the user, their codes and their sessions go. */
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, seedUser, testServices } from '../../__tests__/test-services.js';
import { deleteUser } from './deleteUser.js';

describe('deleteUser', () => {
  it('removes the user with their codes and sessions', async () => {
    const services = await testServices();
    const user = seedUser(services, 'ada@example.com');
    services.codes.issue(user.username, 'forgotPassword');
    const { AccessToken } = services.tokens.signIn(user, CLIENT_ID);
    await deleteUser(services)({ AccessToken });
    expect(services.users.find('ada@example.com')).toBeUndefined();
    expect(services.store.state.codes).toEqual({});
    expect(services.store.state.sessions).toEqual({});
  });
});
