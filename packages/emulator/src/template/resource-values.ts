/*
 * What `Ref` and `Fn::GetAtt` return for each resource type the stack uses, built from the
 * deterministic physical ids of `physical-ids.ts` (or the name the template sets, such as
 * `BucketName` or `RoleName`). Unknown attributes resolve to undefined, which the resolver turns
 * into an error naming the path.
 */
import type { IntrinsicResolver, ResourceValues } from './intrinsics.js';
import { bucketName, generatedName, identityPoolId, userPoolClientId, userPoolId } from './physical-ids.js';
import type { CfnTemplate } from './template-types.js';

/** Who the resources belong to. */
export interface StackIdentity {
  stackName: string;
  region: string;
  accountId: string;
  partition: string;
  urlSuffix: string;
}

/**
 * Ref/GetAtt values for `template`'s resources. `resolver()` gives the resolver, for names the
 * template sets with intrinsics (it is created after this object, hence the function).
 */
export function createResourceValues(
  template: CfnTemplate,
  stack: StackIdentity,
  resolver: () => IntrinsicResolver,
): ResourceValues {
  const { stackName, region, accountId, partition, urlSuffix } = stack;

  /** The resource's own name property, resolved, or the generated one. */
  const nameOf = (logicalId: string, property: string, fallback: () => string): string => {
    const value = template.Resources[logicalId]?.Properties?.[property];
    if (value === undefined) return fallback();
    return resolver().resolveString(value, `Resources.${logicalId}.Properties.${property}`);
  };

  const ref = (logicalId: string): string | undefined => {
    const resource = template.Resources[logicalId];
    if (!resource) return undefined;
    switch (resource.Type) {
      case 'AWS::Cognito::UserPool':
        return userPoolId(stackName, logicalId, region);
      case 'AWS::Cognito::UserPoolClient':
        return userPoolClientId(stackName, logicalId);
      case 'AWS::Cognito::IdentityPool':
        return identityPoolId(stackName, logicalId, region);
      case 'AWS::S3::Bucket':
        return nameOf(logicalId, 'BucketName', () => bucketName(stackName, logicalId));
      case 'AWS::IAM::Role':
        return nameOf(logicalId, 'RoleName', () => generatedName(stackName, logicalId));
      case 'AWS::IAM::ManagedPolicy': {
        const name = nameOf(logicalId, 'ManagedPolicyName', () => generatedName(stackName, logicalId, 128));
        return `arn:${partition}:iam::${accountId}:policy/${name}`;
      }
      default:
        return generatedName(stackName, logicalId, 128);
    }
  };

  const getAtt = (logicalId: string, attribute: string): string | undefined => {
    const resource = template.Resources[logicalId];
    const id = ref(logicalId);
    if (!resource || id === undefined) return undefined;
    const attributes: Record<string, Record<string, () => string>> = {
      'AWS::Cognito::UserPool': {
        Arn: () => `arn:${partition}:cognito-idp:${region}:${accountId}:userpool/${id}`,
        UserPoolId: () => id,
        ProviderName: () => `cognito-idp.${region}.${urlSuffix}/${id}`,
        ProviderURL: () => `https://cognito-idp.${region}.${urlSuffix}/${id}`,
      },
      'AWS::Cognito::UserPoolClient': {
        ClientId: () => id,
        Name: () => nameOf(logicalId, 'ClientName', () => logicalId),
      },
      'AWS::Cognito::IdentityPool': {
        Id: () => id,
        Name: () => nameOf(logicalId, 'IdentityPoolName', () => logicalId.replace(/[^\w]/g, '_')),
      },
      'AWS::S3::Bucket': {
        Arn: () => `arn:${partition}:s3:::${id}`,
        DomainName: () => `${id}.s3.${urlSuffix}`,
        RegionalDomainName: () => `${id}.s3.${region}.${urlSuffix}`,
        DualStackDomainName: () => `${id}.s3.dualstack.${region}.${urlSuffix}`,
        WebsiteURL: () => `http://${id}.s3-website-${region}.${urlSuffix}`,
      },
      'AWS::IAM::Role': {
        Arn: () => roleArn(id, resource.Properties?.Path, logicalId),
        RoleId: () =>
          `AROA${generatedName('', logicalId)
            .replace(/[^A-Z]/gi, '')
            .toUpperCase()
            .slice(0, 17)}`,
      },
      'AWS::IAM::ManagedPolicy': { PolicyArn: () => id },
      'AWS::Lambda::Function': {
        Arn: () => `arn:${partition}:lambda:${region}:${accountId}:function:${id}`,
      },
    };
    return attributes[resource.Type]?.[attribute]?.();
  };

  const roleArn = (name: string, pathProperty: unknown, logicalId: string): string => {
    const path =
      pathProperty === undefined
        ? '/'
        : resolver().resolveString(pathProperty, `Resources.${logicalId}.Properties.Path`);
    return `arn:${partition}:iam::${accountId}:role${path}${name}`;
  };

  return { ref, getAtt };
}
