/*
 * The authenticator app of the browser journeys: it reads the secret a set-up screen shows (the
 * "Setup key", for typing in by hand) and computes codes from it as a phone would (RFC 6238, the
 * emulator's own `totpCode`). Cognito takes each 30-second step's code once per user, so each code
 * given is of a step not used before.
 */
import { TIME_STEP_MS, totpCode } from '@auth-s3/emulator/testing';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** An authenticator app holding one account's secret. */
export class AuthenticatorApp {
  readonly secret: string;
  /** The last 30-second step a code was given for. */
  private lastStep = Number.NEGATIVE_INFINITY;

  constructor(secret: string) {
    this.secret = secret;
  }

  /** The app for the secret the page's set-up shows in groups of four. */
  static async fromPage(page: Page): Promise<AuthenticatorApp> {
    const shown = await page.getByLabel('Setup key').inputValue();
    expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    return new AuthenticatorApp(shown.replaceAll(' ', ''));
  }

  /**
   * A code the emulator has not seen yet: Cognito takes each 30-second step once, with one step of
   * drift either way. The previous step while it is still well inside the window, else the current or
   * next one; when all are spent, wait for the next step.
   */
  async freshCode(): Promise<string> {
    for (;;) {
      const now = Date.now();
      const current = Math.floor(now / TIME_STEP_MS);
      const earliest = now % TIME_STEP_MS < TIME_STEP_MS / 2 ? current - 1 : current;
      const step = Math.max(this.lastStep + 1, earliest);
      if (step <= current + 1) {
        this.lastStep = step;
        return totpCode(this.secret, step * TIME_STEP_MS);
      }
      await new Promise((resolve) => setTimeout(resolve, TIME_STEP_MS - (now % TIME_STEP_MS) + 500));
    }
  }
}

/** Six digits that are not `code`: a wrong code to type. */
export const otherCode = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');
