/*
 * Reads a synthesized CloudFormation template (JSON) from disk, with errors that say which command
 * writes it when it is missing or broken.
 */
import { readFile } from 'node:fs/promises';
import { TemplateReadError } from './errors.js';

/**
 * The parsed template at `path`.
 * @throws TemplateReadError when the file is missing or not JSON (the cause is kept).
 */
export async function readTemplate(path: string): Promise<object> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new TemplateReadError(
      `Cannot read the stack template at ${path}. Run \`pnpm synth\` at the repository root to write it.`,
      { cause },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new TemplateReadError(
      `${path} is not JSON. Run \`pnpm synth\` to write the template again (YAML templates are not read).`,
      { cause },
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new TemplateReadError(
      `${path} does not hold a CloudFormation template object. Run \`pnpm synth\`.`,
    );
  }
  return parsed;
}
