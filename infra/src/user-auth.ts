/*
 * The Cognito user pool and its public app client: email sign-in with a code-verified address, a
 * password policy that passes cdk-nag COG1, recovery by email only, a second factor by
 * authenticator app (TOTP) only — optional per user, or required — and a client that allows SRP
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

/**
 * Whether users need a second factor: `optional` lets each user turn on an authenticator app,
 * `required` makes every user set one up at their next sign-in.
 */
export type MfaRequirement = 'optional' | 'required';

/** The user pool's `MfaConfiguration` for each {@link MfaRequirement}. */
export type MfaMode = 'OPTIONAL' | 'ON';

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
  /**
   * Whether a second factor (an authenticator app, TOTP) is optional per user or required of
   * everyone. SMS is never offered, so the pool needs no SMS role and sends no text messages.
   * @default 'optional'
   */
  readonly mfa?: MfaRequirement;
}

/** A user pool where people sign up and sign in with their email address, and the web app's client. */
export class UserAuth extends Construct {
  /** The user pool (`AWS::Cognito::UserPool`). */
  readonly userPool: UserPool;
  /** The public app client, without a secret (`AWS::Cognito::UserPoolClient`). */
  readonly userPoolClient: UserPoolClient;
  /** The pool's `MfaConfiguration`: `OPTIONAL` or `ON`; what the app must know to offer or demand set-up. */
  readonly mfaMode: MfaMode;

  constructor(scope: Construct, id: string, props: UserAuthProps = {}) {
    super(scope, id);
    const sessionTokenValidity = props.sessionTokenValidity ?? Duration.minutes(60);
    const required = props.mfa === 'required';
    this.mfaMode = required ? 'ON' : 'OPTIONAL';

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
      mfa: required ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      enableSmsRole: false,
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
