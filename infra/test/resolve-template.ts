/*
 * Resolves the few intrinsics the stack's policies use (`Ref`, `Fn::GetAtt … Arn`, `Fn::Join`, the
 * pseudo parameters) in a synthesized template, with made-up physical names, so the matrix tests
 * can evaluate the policies as IAM would see them after a deploy.
 */

/** The account the made-up ARNs carry. */
export const ACCOUNT = '123456789012';

/** A template resource, as far as the matrix tests read it. */
export interface CfnResource {
  Type: string;
  Properties: Record<string, unknown>;
}

/** The resolver for `resources`; an intrinsic it does not know fails the test loudly. */
export function resolver(resources: Record<string, CfnResource>) {
  const physical = (id: string) => `${id.toLowerCase()}-physical`;
  const pseudo: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::AccountId': ACCOUNT };
  const arnOf = (id: string): string => {
    const type = resources[id]?.Type;
    if (type === 'AWS::S3::Bucket') return `arn:aws:s3:::${physical(id)}`;
    if (type === 'AWS::IAM::Role') return `arn:aws:iam::${ACCOUNT}:role/${physical(id)}`;
    throw new Error(`No Arn for ${id} (${type})`);
  };
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value);
    const [name, arg] = entries[0] ?? [];
    if (entries.length === 1 && name === 'Ref') return pseudo[arg as string] ?? physical(arg as string);
    if (entries.length === 1 && name === 'Fn::GetAtt') {
      const [id, attribute] = arg as [string, string];
      if (attribute === 'Arn') return arnOf(id);
    }
    if (entries.length === 1 && name === 'Fn::Join') {
      const [separator, parts] = arg as [string, unknown[]];
      return (walk(parts) as string[]).join(separator);
    }
    if (entries.length === 1 && name?.startsWith('Fn::')) throw new Error(`Unresolved ${name}`);
    return Object.fromEntries(entries.map(([k, v]) => [k, walk(v)]));
  };
  return { physical, arnOf, resolve: walk };
}
