/*
 * The emulator as a library: `startEmulator({ dataDir, template })` loads the stack model,
 * opens the data dir (keys and state survive restarts), starts Cognito user pools, Cognito
 * identity pools and S3 on one local port, and optionally writes the outputs file the web app
 * reads. Tests start it on port 0 with a temporary data dir.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OUTPUTS_VERSION, type OutputsFile, outputsFileText, STACK_NAME } from '@auth-s3/outputs';
import { type Clock, systemClock } from './clock.js';
import { createCognitoService } from './cognito/index.js';
import type { Logger } from './cognito/services/inbox.js';
import { createServices } from './cognito/services/index.js';
import { loadOrCreateKeys } from './cognito/services/keys.js';
import { writeFileAtomic } from './cognito/store/atomic-write.js';
import { openJsonFileStore } from './cognito/store/json-file-store.js';
import type { InboxMessage } from './cognito/store/state.js';
import { type DataDirLock, lockDataDir } from './data-dir-lock.js';
import { allowedHosts } from './request-guard.js';
import { RequestLog } from './request-log.js';
import { createS3Service } from './s3/index.js';
import { createRouter, listen } from './server.js';
import type { StackModel } from './stack-model.js';
import { loadStackModel, readTemplate, toStackOutputs } from './template/index.js';
import { serveEmulatorPages } from './ui/emulator-pages.js';

export interface StartEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Where keys, users, tokens, identities and objects are kept. */
  dataDir: string;
  /** The synthesized template: a path to it, or the parsed JSON. Needed unless `model` is given. */
  template?: string | object;
  /** A prebuilt stack model, instead of `template`. */
  model?: StackModel;
  /** The stack name that seeds physical ids. @default STACK_NAME of the outputs contract */
  stackName?: string;
  /** @default 'us-east-1' */
  region?: string;
  /** Time for every expiry. @default systemClock */
  clock?: Clock;
  /** No console output (codes, warnings). */
  quiet?: boolean;
  /** Print each S3 authorization decision. */
  logDecisions?: boolean;
  /** Write the outputs file (`{ "AuthS3Stack": outputs }`, the contract's writer) here once listening. */
  outputsFile?: string;
}

/** A running emulator. */
export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:4566`. */
  endpoint: string;
  /** The outputs file's keys, as written to `outputsFile`. */
  outputs: OutputsFile;
  model: StackModel;
  /** Messages sent so far, newest first, optionally only those to `to`. */
  inbox(to?: string): InboxMessage[];
  stop(): Promise<void>;
}

/**
 * Starts the emulator; resolves once it accepts requests. Rejects with `DataDirLockedError`
 * (naming the pid) while another emulator runs on the same data dir.
 */
export async function startEmulator(options: StartEmulatorOptions): Promise<RunningEmulator> {
  // Before anything in the data dir is read or written: a second emulator there would clobber it.
  const lock = await lockDataDir(options.dataDir);
  try {
    return await startLocked(options, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function startLocked(options: StartEmulatorOptions, lock: DataDirLock): Promise<RunningEmulator> {
  // Key generation (first start) runs in the thread pool while the template is read.
  const opened = Promise.all([loadOrCreateKeys(options.dataDir), openJsonFileStore(options.dataDir)]);
  opened.catch(() => {});
  // A bad template must not release the lock while the keys are still being written.
  const model = options.model ?? (await modelFromTemplate(options).finally(() => opened.catch(() => {})));
  const clock = options.clock ?? systemClock;
  const log: Logger = options.quiet ? () => {} : (line) => console.log(`[emulator] ${line}`);
  const [keys, store] = await opened;

  let endpoint = '';
  const services = createServices({ model, clock, store, keys, endpoint: () => endpoint, log });
  const requestLog = new RequestLog();
  const cognito = createCognitoService({ services, requestLog });
  const s3 = createS3Service({
    model,
    dataDir: options.dataDir,
    clock,
    lookupCredentials: services.identities.lookupCredentials,
    onDecision: (event) => requestLog.addDecision(event),
    logDecisions: options.logDecisions === true && !options.quiet,
  });
  const host = options.host ?? '127.0.0.1';
  let hosts = new Set<string>();
  const listening = await listen(
    createRouter({
      cognito,
      s3,
      pages: (req, res) => serveEmulatorPages(req, res, { services, requestLog }),
      requestLog,
      clock,
      log,
      allowedHosts: () => hosts,
    }),
    host,
    options.port ?? 0,
  );
  endpoint = listening.endpoint;
  hosts = allowedHosts(host, Number(new URL(endpoint).port));

  async function stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      listening.server.close(() => resolve());
      listening.server.closeAllConnections();
    });
    await Promise.all([cognito.close(), s3.close()]);
    await store.close();
    await lock.release();
  }

  const outputs = toStackOutputs(model, endpoint);
  const { outputsFile } = options;
  if (outputsFile) {
    try {
      await mkdir(dirname(outputsFile), { recursive: true });
      await writeFileAtomic(outputsFile, outputsFileText(outputs), 0o644);
    } catch (error) {
      // A start that fails here must not leave a server running without the data dir's lock.
      await stop();
      throw error;
    }
  }
  for (const warning of model.warnings) log(`⚠  ${warning}`);
  if (model.outputsVersion !== undefined && model.outputsVersion !== OUTPUTS_VERSION) {
    log(
      `⚠  The template's stack writes outputs version ${model.outputsVersion}; the emulator writes version ${OUTPUTS_VERSION}. Synthesize the current stack.`,
    );
  }

  return { endpoint, outputs, model, inbox: (to) => services.inbox.list(to), stop };
}

async function modelFromTemplate(options: StartEmulatorOptions): Promise<StackModel> {
  if (options.template === undefined) {
    throw new TypeError('startEmulator needs `template` (a path or the parsed template) or `model`');
  }
  const template =
    typeof options.template === 'string' ? await readTemplate(options.template) : options.template;
  return loadStackModel(template, {
    stackName: options.stackName ?? STACK_NAME,
    region: options.region ?? 'us-east-1',
  });
}

export type { Clock } from './clock.js';
export { ManualClock, systemClock } from './clock.js';
export {
  CodeMismatchError,
  ExpiredCodeError,
  InvalidParameterError,
  InvalidPasswordError,
  LimitExceededError,
  NotAuthorizedError,
  ResourceNotFoundError,
  UnsupportedOperationError,
  UserNotConfirmedError,
  UserNotFoundError,
  UsernameExistsError,
} from './cognito/errors.js';
export type { InboxMessage } from './cognito/store/state.js';
export { DataDirLockedError } from './data-dir-lock.js';
export { EmulatorError } from './emulator-error.js';
export type { IssuedCredentials } from './issued-credentials.js';
export type { StackModel } from './stack-model.js';
export { TemplateError } from './template/errors.js';
