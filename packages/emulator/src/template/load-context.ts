/*
 * What every resource reader shares while one template is loaded: the template, the intrinsic
 * resolver, the stack identity, the warnings collected so far, and helpers to find resources by
 * type and to flag the properties the emulator does not model.
 */
import { TemplateResourceError } from './errors.js';
import type { IntrinsicResolver } from './intrinsics.js';
import type { StackIdentity } from './resource-values.js';
import type { CfnResource, CfnTemplate } from './template-types.js';

/**
 * How the loader treats one property: `modelled` (the emulator acts on it), `ignored` (no visible
 * effect locally), or a check returning a reason when the value needs a warning.
 */
export type PropertyRule = 'modelled' | 'ignored' | ((value: unknown) => string | undefined);

/** The shared state of one `loadStackModel` call. */
export class LoadContext {
  readonly warnings: string[] = [];

  constructor(
    readonly template: CfnTemplate,
    readonly resolver: IntrinsicResolver,
    readonly stack: StackIdentity,
  ) {}

  /** Logical ids of the resources of `type` that exist (their `Condition`, if any, holds). */
  resourcesOfType(type: string): string[] {
    return Object.entries(this.template.Resources)
      .filter(([logicalId, resource]) => resource.Type === type && this.exists(logicalId, resource))
      .map(([logicalId]) => logicalId);
  }

  /** Whether the resource is created: it has no `Condition`, or its condition is true. */
  exists(logicalId: string, resource: CfnResource): boolean {
    return (
      resource.Condition === undefined ||
      this.resolver.condition(resource.Condition, `Resources.${logicalId}`)
    );
  }

  /** The only resource of `type`, or an error that says how many there are and what to do. */
  single(type: string, what: string): string {
    const found = this.resourcesOfType(type);
    if (found.length !== 1) {
      throw new TemplateResourceError(
        `The template has ${found.length} ${type} resources; the emulator serves exactly one ${what}. ` +
          'Point it at the AuthS3Stack template (pnpm synth writes cdk.out/AuthS3Stack.template.json).',
      );
    }
    return found[0] as string;
  }

  /** The resource's property, resolved. */
  property(logicalId: string, name: string): unknown {
    const value = this.template.Resources[logicalId]?.Properties?.[name];
    return value === undefined
      ? undefined
      : this.resolver.resolve(value, `Resources.${logicalId}.Properties.${name}`);
  }

  /** Adds `<kind>.<property> is not emulated` for every property no rule covers or a rule flags. */
  checkProperties(kind: string, logicalId: string, rules: Record<string, PropertyRule>): void {
    const properties = this.template.Resources[logicalId]?.Properties ?? {};
    for (const name of Object.keys(properties)) {
      const rule = rules[name];
      if (rule === 'modelled' || rule === 'ignored') continue;
      if (rule === undefined) {
        this.warn(`${kind}.${name} is not emulated`);
        continue;
      }
      const reason = rule(this.property(logicalId, name));
      if (reason !== undefined) this.warn(`${kind}.${name} is not emulated: ${reason}`);
    }
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }
}

/** A rule that warns unless the property has one of the `harmless` values. */
export function warnUnless(harmless: unknown[], reason: string): PropertyRule {
  return (value) => (harmless.some((h) => JSON.stringify(h) === JSON.stringify(value)) ? undefined : reason);
}

/** Reads a resolved value as a list of strings (one string counts as a list of one). */
export function stringList(value: unknown): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === 'string');
}
