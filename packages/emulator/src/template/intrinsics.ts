/*
 * Resolves CloudFormation intrinsic functions in a template value: `Ref`, `Fn::GetAtt`,
 * `Fn::Join`, `Fn::Sub`, `Fn::Select`, `Fn::Split`, `Fn::If` (with `Conditions`), `Fn::FindInMap`,
 * `Fn::Base64`, `Fn::GetAZs` and the pseudo parameters. What a resource's `Ref` or attribute is
 * comes from the caller (the emulator's physical ids). Anything else fails with the path it is at.
 */
import { UnresolvableIntrinsicError } from './errors.js';
import type { CfnTemplate } from './template-types.js';

/** Where a resource's `Ref` and `Fn::GetAtt` values come from. */
export interface ResourceValues {
  /** The resource's `Ref` value, or undefined when the resource does not exist. */
  ref(logicalId: string, path: string): unknown;
  /** The resource's attribute, or undefined when the resource or attribute is unknown. */
  getAtt(logicalId: string, attribute: string, path: string): unknown;
}

/** Removed from objects and arrays: the value of `Ref: AWS::NoValue`. */
const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** Resolves template values to plain JSON. */
export class IntrinsicResolver {
  private readonly conditionCache = new Map<string, boolean>();

  constructor(
    private readonly template: CfnTemplate,
    private readonly pseudo: Record<string, string | string[]>,
    private readonly resources: ResourceValues,
  ) {}

  /** `value` with every intrinsic replaced; `path` names it in errors (`Resources.X.Properties.Y`). */
  resolve(value: unknown, path: string): unknown {
    const resolved = this.walk(value, path);
    return resolved === NO_VALUE ? undefined : resolved;
  }

  /** Like {@link resolve}, and the result must be a string. */
  resolveString(value: unknown, path: string): string {
    const resolved = this.resolve(value, path);
    if (typeof resolved !== 'string') throw this.fail(path, `expected a string, got ${describe(resolved)}`);
    return resolved;
  }

  /** The value of a named condition from the template's `Conditions`. */
  condition(name: string, path: string): boolean {
    const cached = this.conditionCache.get(name);
    if (cached !== undefined) return cached;
    const definition = this.template.Conditions?.[name];
    if (definition === undefined) throw this.fail(path, `condition "${name}" is not defined in Conditions`);
    const result = this.evaluateCondition(definition, `Conditions.${name}`);
    this.conditionCache.set(name, result);
    return result;
  }

  private walk(value: unknown, path: string): unknown {
    if (Array.isArray(value)) {
      return value.map((item, i) => this.walk(item, `${path}[${i}]`)).filter((item) => item !== NO_VALUE);
    }
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value);
    const [first] = entries;
    if (entries.length === 1 && first && (first[0] === 'Ref' || first[0].startsWith('Fn::'))) {
      return this.intrinsic(first[0], first[1], `${path}.${first[0]}`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of entries) {
      const resolved = this.walk(item, `${path}.${key}`);
      if (resolved !== NO_VALUE) out[key] = resolved;
    }
    return out;
  }

  private intrinsic(name: string, args: unknown, path: string): unknown {
    switch (name) {
      case 'Ref':
        return this.ref(this.walk(args, path), path);
      case 'Fn::GetAtt':
        return this.getAtt(args, path);
      case 'Fn::Join': {
        const [delimiter, list] = this.tuple(args, 2, path);
        const items = this.walk(list, `${path}[1]`);
        if (typeof delimiter !== 'string' || !Array.isArray(items)) {
          throw this.fail(path, 'expects [delimiter, [values...]]');
        }
        return items.map((item, i) => this.scalar(item, `${path}[1][${i}]`)).join(delimiter);
      }
      case 'Fn::Sub':
        return this.sub(args, path);
      case 'Fn::Select': {
        const [index, list] = this.tuple(args, 2, path);
        const i = Number(this.walk(index, `${path}[0]`));
        const items = this.walk(list, `${path}[1]`);
        if (!Array.isArray(items) || !Number.isInteger(i) || i < 0 || i >= items.length) {
          throw this.fail(path, `index ${String(index)} is outside the list`);
        }
        return items[i];
      }
      case 'Fn::Split': {
        const [delimiter, source] = this.tuple(args, 2, path);
        const text = this.walk(source, `${path}[1]`);
        if (typeof delimiter !== 'string' || typeof text !== 'string') {
          throw this.fail(path, 'expects [delimiter, string]');
        }
        return text.split(delimiter);
      }
      case 'Fn::If': {
        const [condition, whenTrue, whenFalse] = this.tuple(args, 3, path);
        if (typeof condition !== 'string') throw this.fail(path, 'expects [conditionName, ifTrue, ifFalse]');
        return this.condition(condition, path)
          ? this.walk(whenTrue, `${path}[1]`)
          : this.walk(whenFalse, `${path}[2]`);
      }
      case 'Fn::FindInMap': {
        const [map, top, second] = this.tuple(args, 3, path).map((arg, i) => this.walk(arg, `${path}[${i}]`));
        const found = this.template.Mappings?.[String(map)]?.[String(top)]?.[String(second)];
        if (found === undefined)
          throw this.fail(path, `no mapping ${String(map)}.${String(top)}.${String(second)}`);
        return found;
      }
      case 'Fn::Base64':
        return Buffer.from(this.scalar(this.walk(args, path), path)).toString('base64');
      case 'Fn::GetAZs':
        return ['a', 'b', 'c'].map((zone) => `${this.pseudo['AWS::Region']}${zone}`);
      default:
        throw this.fail(path, `${name} is not supported by the emulator's template loader`);
    }
  }

  private ref(target: unknown, path: string): unknown {
    if (typeof target !== 'string') throw this.fail(path, `Ref needs a name, got ${describe(target)}`);
    if (target === 'AWS::NoValue') return NO_VALUE;
    if (target in this.pseudo) return this.pseudo[target];
    if (target.startsWith('AWS::')) throw this.fail(path, `pseudo parameter ${target} is not supported`);
    const parameter = this.template.Parameters?.[target];
    if (parameter) {
      if (parameter.Default === undefined) {
        throw this.fail(
          path,
          `parameter ${target} has no Default, and the emulator takes no parameter values`,
        );
      }
      return parameter.Default;
    }
    const value = this.resources.ref(target, path);
    if (value === undefined)
      throw this.fail(path, `Ref to "${target}", which is not a resource or parameter`);
    return value;
  }

  private getAtt(args: unknown, path: string): unknown {
    const parts = typeof args === 'string' ? splitOnce(args, '.') : this.walk(args, path);
    if (!Array.isArray(parts) || parts.length !== 2 || parts.some((p) => typeof p !== 'string')) {
      throw this.fail(path, 'expects [logicalId, attribute]');
    }
    const [logicalId, attribute] = parts as [string, string];
    const value = this.resources.getAtt(logicalId, attribute, path);
    if (value === undefined) throw this.fail(path, `attribute ${attribute} of "${logicalId}" is not known`);
    return value;
  }

  private sub(args: unknown, path: string): string {
    const [text, variables] = typeof args === 'string' ? [args, {}] : this.tuple(args, 2, path);
    if (typeof text !== 'string' || variables === null || typeof variables !== 'object') {
      throw this.fail(path, 'expects a string or [string, { variables }]');
    }
    const vars = variables as Record<string, unknown>;
    return text.replace(/\$\{(!?)([^}]*)\}/g, (_match, literal: string, name: string) => {
      if (literal) return `\${${name}}`;
      if (name in vars) return this.scalar(this.walk(vars[name], `${path}[1].${name}`), path);
      const dot = name.indexOf('.');
      const value =
        dot > 0 && !name.startsWith('AWS::')
          ? this.getAtt([name.slice(0, dot), name.slice(dot + 1)], path)
          : this.ref(name, path);
      return this.scalar(value, path);
    });
  }

  private evaluateCondition(value: unknown, path: string): boolean {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw this.fail(path, 'a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition');
    }
    const [[name, args] = ['', undefined]] = Object.entries(value);
    const list = (n?: number) => {
      if (!Array.isArray(args) || (n !== undefined && args.length !== n))
        throw this.fail(path, `${name}: bad arguments`);
      return args as unknown[];
    };
    switch (name) {
      case 'Condition':
        return this.condition(String(args), path);
      case 'Fn::Equals': {
        const [a, b] = list(2).map((arg, i) => this.walk(arg, `${path}.Fn::Equals[${i}]`));
        return JSON.stringify(a) === JSON.stringify(b);
      }
      case 'Fn::And':
        return list().every((c, i) => this.evaluateCondition(c, `${path}.Fn::And[${i}]`));
      case 'Fn::Or':
        return list().some((c, i) => this.evaluateCondition(c, `${path}.Fn::Or[${i}]`));
      case 'Fn::Not':
        return !this.evaluateCondition(list(1)[0], `${path}.Fn::Not[0]`);
      default:
        throw this.fail(path, `${name} is not a condition function`);
    }
  }

  private tuple(args: unknown, length: number, path: string): unknown[] {
    if (!Array.isArray(args) || args.length !== length) throw this.fail(path, `expects a list of ${length}`);
    return args;
  }

  private scalar(value: unknown, path: string): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw this.fail(path, `expected a string, got ${describe(value)}`);
  }

  private fail(path: string, message: string): UnresolvableIntrinsicError {
    return new UnresolvableIntrinsicError(path, message);
  }
}

function splitOnce(text: string, separator: string): string[] {
  const at = text.indexOf(separator);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : JSON.stringify(value);
}
