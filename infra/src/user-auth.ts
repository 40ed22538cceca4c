/*
 * The Cognito user pool and its public app client: email sign-in with a code-verified address, a
 * password policy that passes cdk-nag COG1, recovery by email only, and a client that allows SRP
 * and refresh only, with revocation on and explicit token lifetimes.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  Mfa,
  UserPool,
  type UserPoolClient,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** Options for {@link UserAuth}. */
export interface UserAuthProps {
  /**
   * What happens to the user pool when it leaves the stack. `RETAIN` keeps the users when the
   * stack is deleted; use `DESTROY` only for throwaway stacks.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Whether CloudFormation (and the console) may delete the user pool.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Lifetime of access and id tokens.
   * @default Duration.minutes(60)
   */
  readonly sessionTokenValidity?: Duration;
  /**
   * Lifetime of refresh tokens.
   * @default Duration.days(30)
   */
  readonly refreshTokenValidity?: Duration;
}

/** A user pool where people sign up and sign in with their email address, and the web app's client. */
export class UserAuth extends Construct {
  /** The user pool (`AWS::Cognito::UserPool`). */
  readonly userPool: UserPool;
  /** The public app client, without a secret (`AWS::Cognito::UserPoolClient`). */
  readonly userPoolClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: UserAuthProps = {}) {
    super(scope, id);
    const sessionTokenValidity = props.sessionTokenValidity ?? Duration.minutes(60);

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      userVerification: { emailStyle: VerificationEmailStyle.CODE },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      mfa: Mfa.OFF,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      deletionProtection: props.deletionProtection ?? true,
    });

    this.userPoolClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: false, adminUserPassword: false, custom: false, user: false },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: sessionTokenValidity,
      idTokenValidity: sessionTokenValidity,
      refreshTokenValidity: props.refreshTokenValidity ?? Duration.days(30),
    });
  }
}
