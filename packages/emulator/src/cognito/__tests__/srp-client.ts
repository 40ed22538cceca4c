/*
 * The client half of SRP, driven through amazon-cognito-identity-js's AuthenticationHelper (an
 * implementation independent of ours), for unit tests: SRP_A, then the password claim for a
 * PASSWORD_VERIFIER challenge.
 */
import { createHmac } from 'node:crypto';
import * as cognitoJs from 'amazon-cognito-identity-js';

/** The parts of the library's (untyped) AuthenticationHelper these tests drive. */
interface ClientHelper {
  N: { constructor: new (hex: string, radix: number) => unknown };
  getLargeAValue(callback: (error: unknown, A: { toString(radix: number): string }) => void): void;
  getPasswordAuthenticationKey(
    userId: string,
    password: string,
    B: unknown,
    salt: unknown,
    callback: (error: unknown, key: Uint8Array) => void,
  ): void;
}
const { AuthenticationHelper, DateHelper } = cognitoJs as unknown as {
  AuthenticationHelper: new (poolName: string) => ClientHelper;
  DateHelper: new () => { getNowString(): string };
};

/** One SRP sign-in attempt from the client's side. */
export class SrpClient {
  private readonly helper: ClientHelper;

  constructor(private readonly poolName: string) {
    this.helper = new AuthenticationHelper(poolName);
  }

  /** SRP_A (hex). */
  publicValue(): Promise<string> {
    return new Promise((resolve, reject) =>
      this.helper.getLargeAValue((error, A) => (error ? reject(error) : resolve(A.toString(16)))),
    );
  }

  /** The session key K the client derives from the challenge. */
  sessionKey(userId: string, password: string, B: string, salt: string): Promise<Buffer> {
    const BigInteger = this.helper.N.constructor;
    return new Promise((resolve, reject) =>
      this.helper.getPasswordAuthenticationKey(
        userId,
        password,
        new BigInteger(B, 16),
        new BigInteger(salt, 16),
        (error, key) => (error ? reject(error) : resolve(Buffer.from(key))),
      ),
    );
  }

  /** ChallengeResponses for PASSWORD_VERIFIER, signed as the library signs them. */
  async challengeResponses(
    parameters: Record<string, string>,
    password: string,
    /** The library's own (current time) unless given. */
    timestamp: string = new DateHelper().getNowString(),
  ): Promise<Record<string, string>> {
    const userId = parameters.USER_ID_FOR_SRP ?? '';
    const secretBlock = parameters.SECRET_BLOCK ?? '';
    const key = await this.sessionKey(userId, password, parameters.SRP_B ?? '', parameters.SALT ?? '');
    const signature = createHmac('sha256', key)
      .update(
        Buffer.concat([
          Buffer.from(this.poolName),
          Buffer.from(userId),
          Buffer.from(secretBlock, 'base64'),
          Buffer.from(timestamp),
        ]),
      )
      .digest('base64');
    return {
      USERNAME: userId,
      PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
      TIMESTAMP: timestamp,
      PASSWORD_CLAIM_SIGNATURE: signature,
    };
  }
}
