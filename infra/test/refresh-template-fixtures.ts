/*
 * Rewrites the template fixtures of `@auth-s3/stack-testing` from a fresh in-process synth of the
 * app (`pnpm --filter @auth-s3/infra fixture:refresh`), formatted as the repository formats JSON.
 * Run it after changing the stack; `template-fixture.test.ts` fails until it has been run.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { TEMPLATE_FIXTURES, type TemplateFixtureName, templateFixturePath } from '@auth-s3/stack-testing';
import { synthAppTemplate } from './synth.js';

const paths = (Object.keys(TEMPLATE_FIXTURES) as TemplateFixtureName[]).map((name) => {
  const path = templateFixturePath(name);
  writeFileSync(path, `${JSON.stringify(synthAppTemplate(TEMPLATE_FIXTURES[name].context), null, 2)}\n`);
  return path;
});
// Biome checks the fixtures with everything else; format them the way it would.
execFileSync('biome', ['format', '--write', ...paths], { stdio: 'inherit' });
console.log(`Wrote ${paths.join(', ')}`);
