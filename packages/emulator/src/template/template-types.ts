/*
 * The parts of a CloudFormation template (JSON, as `cdk synth` writes it) that the loader reads.
 * Values stay `unknown` until resolved: any of them may be an intrinsic function.
 */

/** One resource: its type, properties and CDK metadata (`aws:cdk:path`). */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Condition?: string;
  DependsOn?: string | string[];
  Metadata?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** A template parameter; only `Default` is used (the emulator is never given parameter values). */
export interface CfnParameter {
  Type: string;
  Default?: unknown;
}

/** A synthesized CloudFormation template. */
export interface CfnTemplate {
  Description?: string;
  Parameters?: Record<string, CfnParameter>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: unknown; Description?: string; Condition?: string }>;
}
