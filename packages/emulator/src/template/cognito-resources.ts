/*
 * Reads the user pool, its app client and the identity pool (with its role attachment) from the
 * template into the stack model, filling in Cognito's documented defaults where CloudFormation
 * leaves a property out, and flagging the properties the emulator does not model.
 */

import { STANDARD_ATTRIBUTES } from '../cognito-idp/user-attributes.js';
import { TemplateResourceError } from '../errors.js';
import type {
  IdentityPoolModel,
  MfaConfiguration,
  PasswordPolicy,
  UserPoolClientModel,
  UserPoolModel,
} from '../stack-model.js';
import { type LoadContext, stringList, warnUnless } from './load-context.js';

const SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 } as const;

/** The one `AWS::Cognito::UserPool`. */
export function readUserPool(ctx: LoadContext): UserPoolModel {
  const logicalId = ctx.single('AWS::Cognito::UserPool', 'user pool');
  ctx.checkProperties('UserPool', logicalId, {
    Policies: (value) => {
      const extra = Object.keys((value ?? {}) as object).filter((key) => key !== 'PasswordPolicy');
      return extra.length > 0 ? `only PasswordPolicy is (found ${extra.join(', ')})` : undefined;
    },
    UsernameAttributes: 'modelled',
    AutoVerifiedAttributes: 'modelled',
    AdminCreateUserConfig: 'modelled',
    AccountRecoverySetting: 'modelled',
    MfaConfiguration: 'modelled',
    EnabledMfas: (value) => {
      const other = stringList(value).filter((mfa) => mfa !== 'SOFTWARE_TOKEN_MFA');
      return other.length > 0 ? `only SOFTWARE_TOKEN_MFA is (found ${other.join(', ')})` : undefined;
    },
    UsernameConfiguration: warnUnless([{ CaseSensitive: false }], 'usernames are matched case-insensitively'),
    DeletionProtection: 'ignored',
    UserPoolName: 'ignored',
    UserPoolTags: 'ignored',
    Schema: 'modelled',
    EmailConfiguration: 'ignored',
    EmailVerificationMessage: 'ignored',
    EmailVerificationSubject: 'ignored',
    SmsVerificationMessage: 'ignored',
    SmsAuthenticationMessage: 'ignored',
    VerificationMessageTemplate: 'ignored',
    UserPoolTier: warnUnless(['ESSENTIALS', 'LITE'], 'Plus-tier threat protection is not emulated'),
  });

  const id = ctx.resolver.resolveString({ Ref: logicalId }, `Resources.${logicalId}`);
  const policies = (ctx.property(logicalId, 'Policies') ?? {}) as {
    PasswordPolicy?: Record<string, unknown>;
  };
  const adminOnly = (ctx.property(logicalId, 'AdminCreateUserConfig') ?? {}) as {
    AllowAdminCreateUserOnly?: unknown;
  };
  return {
    logicalId,
    id,
    arn: ctx.resolver.resolveString({ 'Fn::GetAtt': [logicalId, 'Arn'] }, `Resources.${logicalId}`),
    passwordPolicy: passwordPolicy(policies.PasswordPolicy ?? {}),
    usernameAttributes: stringList(ctx.property(logicalId, 'UsernameAttributes')).filter(isContactAttribute),
    autoVerifiedAttributes: stringList(ctx.property(logicalId, 'AutoVerifiedAttributes')).filter(
      isContactAttribute,
    ),
    selfSignUpEnabled: !truthy(adminOnly.AllowAdminCreateUserOnly),
    mfaConfiguration: mfaConfiguration(ctx.property(logicalId, 'MfaConfiguration'), logicalId),
    softwareTokenMfa: stringList(ctx.property(logicalId, 'EnabledMfas')).includes('SOFTWARE_TOKEN_MFA'),
    ...schemaAttributes(ctx.property(logicalId, 'Schema')),
  };
}

/** CloudFormation's MfaConfiguration, `OFF` when left out (AWS::Cognito::UserPool reference). */
function mfaConfiguration(value: unknown, logicalId: string): MfaConfiguration {
  if (value === undefined) return 'OFF';
  if (value === 'OFF' || value === 'OPTIONAL' || value === 'ON') return value;
  throw new TemplateResourceError(
    `Resources.${logicalId}.Properties.MfaConfiguration is ${JSON.stringify(value)}; CloudFormation takes OFF, OPTIONAL or ON.`,
  );
}

/** The custom and the required attributes a `Schema` declares (custom ones take their `custom:` prefix). */
function schemaAttributes(raw: unknown): Pick<UserPoolModel, 'customAttributes' | 'requiredAttributes'> {
  const entries = (Array.isArray(raw) ? raw : []) as Array<{ Name?: unknown; Required?: unknown }>;
  const customAttributes: string[] = [];
  const requiredAttributes: string[] = [];
  for (const entry of entries) {
    if (typeof entry.Name !== 'string') continue;
    const standard = STANDARD_ATTRIBUTES.includes(entry.Name);
    const name = standard || entry.Name.startsWith('custom:') ? entry.Name : `custom:${entry.Name}`;
    if (!standard) customAttributes.push(name);
    if (truthy(entry.Required)) requiredAttributes.push(name);
  }
  return { customAttributes, requiredAttributes };
}

/** Cognito's defaults when the template gives no password policy: 8 characters, every class, 7 days. */
function passwordPolicy(raw: Record<string, unknown>): PasswordPolicy {
  const flag = (value: unknown) => (value === undefined ? true : truthy(value));
  return {
    minimumLength: Number(raw.MinimumLength ?? 8),
    requireLowercase: flag(raw.RequireLowercase),
    requireUppercase: flag(raw.RequireUppercase),
    requireNumbers: flag(raw.RequireNumbers),
    requireSymbols: flag(raw.RequireSymbols),
    temporaryPasswordValidityDays: Number(raw.TemporaryPasswordValidityDays ?? 7),
  };
}

/** The app client: the one the identity pool federates with, else the only one of the pool. */
export function readUserPoolClient(
  ctx: LoadContext,
  userPool: UserPoolModel,
  preferred?: string,
): UserPoolClientModel {
  const clients = ctx.resourcesOfType('AWS::Cognito::UserPoolClient');
  const logicalId =
    clients.find((c) => ctx.resolver.resolve({ Ref: c }, `Resources.${c}`) === preferred) ??
    (clients.length === 1 ? clients[0] : undefined);
  if (logicalId === undefined) {
    throw new TemplateResourceError(
      `The template has ${clients.length} AWS::Cognito::UserPoolClient resources and the identity pool names none ` +
        'of them; the emulator serves one app client. Check the stack synthesized into cdk.out.',
    );
  }
  const listed = (value: unknown) => stringList(value).length > 0;
  ctx.checkProperties('UserPoolClient', logicalId, {
    UserPoolId: 'modelled',
    ExplicitAuthFlows: 'modelled',
    PreventUserExistenceErrors: 'modelled',
    WriteAttributes: 'modelled',
    EnableTokenRevocation: 'modelled',
    AccessTokenValidity: 'modelled',
    IdTokenValidity: 'modelled',
    RefreshTokenValidity: 'modelled',
    TokenValidityUnits: 'modelled',
    GenerateSecret: warnUnless([false], 'client secrets (SECRET_HASH) are not checked'),
    AllowedOAuthFlowsUserPoolClient: warnUnless([false], 'there is no hosted UI or OAuth endpoint'),
    AllowedOAuthFlows: (v) => (listed(v) ? 'there is no hosted UI or OAuth endpoint' : undefined),
    AllowedOAuthScopes: (v) => (listed(v) ? 'there is no hosted UI or OAuth endpoint' : undefined),
    CallbackURLs: (v) => (listed(v) ? 'there is no hosted UI or OAuth endpoint' : undefined),
    LogoutURLs: (v) => (listed(v) ? 'there is no hosted UI or OAuth endpoint' : undefined),
    SupportedIdentityProviders: warnUnless([['COGNITO']], 'only the user pool itself signs people in'),
    ClientName: 'ignored',
    AuthSessionValidity: 'ignored',
  });

  const poolId = ctx.property(logicalId, 'UserPoolId');
  if (poolId !== userPool.id) {
    throw new TemplateResourceError(
      `App client ${logicalId} belongs to ${String(poolId)}, not to the stack's user pool ${userPool.logicalId}.`,
    );
  }
  const units = (ctx.property(logicalId, 'TokenValidityUnits') ?? {}) as Record<string, keyof typeof SECONDS>;
  const validity = (name: string, unitKey: string, fallbackUnit: keyof typeof SECONDS, fallback: number) => {
    const value = ctx.property(logicalId, name);
    const unit = units[unitKey] ?? fallbackUnit;
    return value === undefined ? fallback : Number(value) * SECONDS[unit];
  };
  const flows = ctx.property(logicalId, 'ExplicitAuthFlows');
  return {
    logicalId,
    id: ctx.resolver.resolveString({ Ref: logicalId }, `Resources.${logicalId}`),
    userPoolId: userPool.id,
    // Cognito's default set when ExplicitAuthFlows is left out.
    explicitAuthFlows:
      flows === undefined
        ? ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_SRP_AUTH']
        : stringList(flows),
    preventUserExistenceErrors: ctx.property(logicalId, 'PreventUserExistenceErrors') === 'ENABLED',
    ...(ctx.property(logicalId, 'WriteAttributes') === undefined
      ? {}
      : { writeAttributes: stringList(ctx.property(logicalId, 'WriteAttributes')) }),
    enableTokenRevocation: ctx.property(logicalId, 'EnableTokenRevocation') !== false,
    accessTokenValidity: validity('AccessTokenValidity', 'AccessToken', 'hours', 3600),
    idTokenValidity: validity('IdTokenValidity', 'IdToken', 'hours', 3600),
    refreshTokenValidity: validity('RefreshTokenValidity', 'RefreshToken', 'days', 30 * 86_400),
  };
}

/** The one identity pool, its user pool providers and the roles its attachment assigns. */
export function readIdentityPool(ctx: LoadContext): IdentityPoolModel {
  const logicalId = ctx.single('AWS::Cognito::IdentityPool', 'identity pool');
  ctx.checkProperties('IdentityPool', logicalId, {
    AllowUnauthenticatedIdentities: 'modelled',
    CognitoIdentityProviders: 'modelled',
    AllowClassicFlow: warnUnless([false], 'only the enhanced (GetCredentialsForIdentity) flow is served'),
    IdentityPoolName: 'ignored',
    IdentityPoolTags: 'ignored',
  });
  const id = ctx.resolver.resolveString({ Ref: logicalId }, `Resources.${logicalId}`);
  const rawProviders = ctx.property(logicalId, 'CognitoIdentityProviders');
  const providers = (Array.isArray(rawProviders) ? rawProviders : []).map(
    (raw: Record<string, unknown>, i) => {
      const providerName = String(raw.ProviderName);
      const clientId = String(raw.ClientId);
      if (!providerName.includes('/') || !clientId) {
        throw new TemplateResourceError(
          `Resources.${logicalId}.Properties.CognitoIdentityProviders[${i}] needs ProviderName ` +
            '(cognito-idp.<region>.amazonaws.com/<user pool id>) and ClientId.',
        );
      }
      return {
        providerName,
        clientId,
        userPoolId: providerName.slice(providerName.lastIndexOf('/') + 1),
        serverSideTokenCheck: truthy(raw.ServerSideTokenCheck),
      };
    },
  );

  const model: IdentityPoolModel = {
    logicalId,
    id,
    allowUnauthenticatedIdentities: truthy(ctx.property(logicalId, 'AllowUnauthenticatedIdentities')),
    providers,
  };
  for (const attachment of ctx.resourcesOfType('AWS::Cognito::IdentityPoolRoleAttachment')) {
    if (ctx.property(attachment, 'IdentityPoolId') !== id) continue;
    ctx.checkProperties('IdentityPoolRoleAttachment', attachment, {
      IdentityPoolId: 'modelled',
      Roles: 'modelled',
    });
    const roles = (ctx.property(attachment, 'Roles') ?? {}) as Record<string, unknown>;
    if (typeof roles.authenticated === 'string') model.authenticatedRoleArn = roles.authenticated;
    if (typeof roles.unauthenticated === 'string') model.unauthenticatedRoleArn = roles.unauthenticated;
  }
  return model;
}

function isContactAttribute(value: string): value is 'email' | 'phone_number' {
  return value === 'email' || value === 'phone_number';
}

/** CloudFormation booleans arrive as `true` or `"true"`. */
function truthy(value: unknown): boolean {
  return value === true || value === 'true';
}
