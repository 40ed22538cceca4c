/*
 * cdk-nag AwsSolutions over the stack, each run on its own App: with the stack's acknowledgements
 * nothing may be left (error or warning), and without them exactly the acknowledged findings must
 * appear, so every acknowledgement names a real finding and a new finding fails here.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { AuthS3Stack } from '../src/auth-s3-stack.js';
import { acknowledgeNagFindings, nagAcknowledgements } from '../src/nag-acknowledgements.js';
import { createApp, siteBuildFixture } from './synth.js';

interface Finding {
  id: string;
  severity: string;
  path: string;
}

interface ValidationReport {
  pluginReports: Array<{
    pluginName: string;
    violations: Array<{
      ruleName: string;
      severity: string;
      violatingConstructs: Array<{ constructPath: string }>;
    }>;
  }>;
}

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

/** Synthesizes a fresh app with AwsSolutions checks and returns what the report still lists. */
function runNag(options: { acknowledge: boolean; ephemeral?: boolean; hosting?: boolean; region?: string }): {
  findings: Finding[];
  stack: AuthS3Stack;
} {
  const outdir = mkdtempSync(join(tmpdir(), 'auth-s3-nag-'));
  outdirs.push(outdir);
  const app = createApp({}, { outdir });
  const stack = new AuthS3Stack(app, 'AuthS3Stack', {
    ephemeral: options.ephemeral,
    env: options.region ? { region: options.region } : undefined,
    siteDirectory: options.hosting === false ? undefined : siteBuildFixture(),
  });
  if (options.acknowledge) acknowledgeNagFindings(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  try {
    app.synth();
  } catch (error) {
    // Synthesis throws ValidationFailed on unacknowledged errors; the report file lists them all.
    if (!String(error).includes('ValidationFailed')) throw error;
  }
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
  const findings = report.pluginReports
    .filter((plugin) => plugin.pluginName === 'AwsSolutions')
    .flatMap((plugin) => plugin.violations)
    .flatMap((v) =>
      v.violatingConstructs.map((c) => ({ id: v.ruleName, severity: v.severity, path: c.constructPath })),
    );
  return { findings, stack };
}

describe('cdk-nag AwsSolutions', () => {
  it('leaves no unacknowledged finding, error or warning, on the default stack', () => {
    expect(runNag({ acknowledge: true }).findings).toEqual([]);
  });

  it('leaves no unacknowledged finding on the ephemeral stack either', () => {
    expect(runNag({ acknowledge: true, ephemeral: true }).findings).toEqual([]);
  });

  it('leaves no unacknowledged finding on a stack synthesized for a region (pseudo parameters resolved)', () => {
    expect(runNag({ acknowledge: true, region: 'eu-west-1' }).findings).toEqual([]);
  });

  it('leaves no unacknowledged finding on a stack without hosting', () => {
    expect(runNag({ acknowledge: true, hosting: false }).findings).toEqual([]);
  });

  it('reports exactly the acknowledged findings, on the acknowledged constructs, when they are not acknowledged', () => {
    const { findings, stack } = runNag({ acknowledge: false });
    // cdk-nag reports the L1 resource (`…/Resource`); an acknowledgement may sit on it or on its L2 parent.
    const l2Path = (path: string) => path.replace(/\/Resource$/, '');
    const expected = nagAcknowledgements(stack).map(({ construct, id }) => ({
      id,
      path: l2Path(construct.node.path),
    }));
    const found = findings.map(({ id, path }) => ({ id, path: l2Path(path) }));
    expect(sortById(found)).toEqual(sortById(expected));
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.id)).toEqual(
      expect.arrayContaining(['AwsSolutions-COG8', expect.stringMatching(/^AwsSolutions-IAM5\[Resource::/)]),
    );
  });

  it('gives a reason for every acknowledgement', () => {
    const { stack } = runNag({ acknowledge: true });
    for (const { id, reason } of nagAcknowledgements(stack)) {
      expect(reason.length, id).toBeGreaterThan(40);
    }
  });
});

function sortById<T extends { id: string; path: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => `${a.id} ${a.path}`.localeCompare(`${b.id} ${b.path}`));
}
