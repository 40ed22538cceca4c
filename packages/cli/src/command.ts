/*
 * The shape of a command: its name, help text (with examples), the flags it takes on top of the
 * global ones, how many path arguments it takes, and what it runs. `main.ts` parses the command line
 * against it; each command file exports its commands in this shape.
 */
import type { ParseArgsConfig } from 'node:util';
import type { Context } from './context.js';

export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** e.g. `cp SRC DST [-r]` */
  usage: string;
  /** Arguments and flags explained, then examples. */
  help: string;
  options: CommandOptions;
  /** Names of the positional arguments: required ones first, `?` marks optional ones. */
  args: { required: string[]; optional?: number };
  run(
    context: Context,
    positionals: string[],
    values: Record<string, string | boolean | undefined>,
  ): Promise<void>;
}
