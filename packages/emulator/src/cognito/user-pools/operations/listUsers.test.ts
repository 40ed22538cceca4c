/* Unit tests for ListUsers: filters, pages and attribute selection. */
import { describe, expect, it } from 'vitest';
import { seedUser, testServices, USER_POOL_ID } from '../../__tests__/test-services.js';
import { InvalidParameterError } from '../../errors.js';
import { listUsers } from './listUsers.js';

const UserPoolId = USER_POOL_ID;

describe('listUsers', () => {
  it('filters by attribute, username and status', async () => {
    const services = await testServices();
    const ada = seedUser(services, 'ada@example.com');
    seedUser(services, 'alan@example.com', undefined, 'UNCONFIRMED');
    const list = (Filter: string) =>
      listUsers(services)({ UserPoolId, Filter }).then((r) => r.Users?.map((u) => u.Username));
    expect(await list('email = "ada@example.com"')).toEqual([ada.username]);
    expect(await list('email ^= "a"')).toHaveLength(2);
    expect(await list(`username = "${ada.username}"`)).toEqual([ada.username]);
    expect(await list('cognito:user_status = "UNCONFIRMED"')).toHaveLength(1);
  });

  it('pages with Limit and PaginationToken, and returns only AttributesToGet', async () => {
    const services = await testServices();
    for (let i = 0; i < 3; i++) {
      seedUser(services, `u${i}@example.com`);
      services.clock.advance(1000);
    }
    const first = await listUsers(services)({ UserPoolId, Limit: 2, AttributesToGet: ['email'] });
    expect(first.Users?.map((u) => u.Attributes)).toEqual([
      [{ Name: 'email', Value: 'u0@example.com' }],
      [{ Name: 'email', Value: 'u1@example.com' }],
    ]);
    const second = await listUsers(services)({
      UserPoolId,
      Limit: 2,
      PaginationToken: first.PaginationToken,
    });
    expect(second.Users).toHaveLength(1);
    expect(second.PaginationToken).toBeUndefined();
  });

  it('throws InvalidParameterError for a bad filter or limit', async () => {
    const services = await testServices();
    await expect(listUsers(services)({ UserPoolId, Filter: 'email' })).rejects.toThrow(InvalidParameterError);
    await expect(listUsers(services)({ UserPoolId, Limit: 61 })).rejects.toThrow(InvalidParameterError);
  });
});
