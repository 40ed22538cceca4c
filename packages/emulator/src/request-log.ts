/*
 * The emulator's short memory of what it served, for the `/_emulator/` page: the last few
 * hundred requests (service, operation, status, error code) and S3's authorization decisions
 * with the statement that made each one. In memory only; a restart starts it empty.
 */
import type { DecisionEvent } from './s3/authorize.js';

export interface RequestLogEntry {
  /** Epoch ms. */
  time: number;
  service: 'cognito-idp' | 'cognito-identity' | 's3' | 'emulator';
  operation: string;
  status: number;
  /** The error code, when the request failed. */
  error?: string;
}

const LIMIT = 200;

/** Ring buffers of recent requests and decisions, newest first when read. */
export class RequestLog {
  private readonly requests: RequestLogEntry[] = [];
  private readonly decisionList: DecisionEvent[] = [];

  add(entry: RequestLogEntry): void {
    this.requests.push(entry);
    if (this.requests.length > LIMIT) this.requests.shift();
  }

  addDecision(event: DecisionEvent): void {
    this.decisionList.push(event);
    if (this.decisionList.length > LIMIT) this.decisionList.shift();
  }

  recent(): RequestLogEntry[] {
    return [...this.requests].reverse();
  }

  decisions(): DecisionEvent[] {
    return [...this.decisionList].reverse();
  }
}
