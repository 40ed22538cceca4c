/*
 * The TIMESTAMP of a PASSWORD_VERIFIER answer, in the one format Cognito's clients send
 * (amazon-cognito-identity-js, Amplify): `Thu Nov 26 10:00:00 UTC 2026` — English day and month
 * names, the day of the month unpadded, UTC. It is signed into PASSWORD_CLAIM_SIGNATURE, and the
 * emulator also checks that it is near its own clock, so an old answer cannot be replayed later.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PATTERN =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):([0-5]\d):([0-5]\d) UTC (\d{4})$/;

/** How far a TIMESTAMP may be from the emulator's clock (AWS does not publish its window). */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60_000;

/** Epoch ms of a Cognito SRP timestamp, or `undefined` when it is not in that exact format or not a real date. */
export function parseSrpTimestamp(text: string): number | undefined {
  const match = PATTERN.exec(text);
  if (!match) return undefined;
  const [, day, month, date, hours, minutes, seconds, year] = match;
  const ms = Date.UTC(
    Number(year),
    MONTHS.indexOf(month ?? ''),
    Number(date),
    Number(hours),
    Number(minutes),
    Number(seconds),
  );
  const parsed = new Date(ms);
  // Rejects Feb 30 and a weekday that does not match the date.
  if (parsed.getUTCDate() !== Number(date) || DAYS[parsed.getUTCDay()] !== day) return undefined;
  return ms;
}

/** `ms` as a Cognito SRP timestamp, the way amazon-cognito-identity-js formats the current time. */
export function formatSrpTimestamp(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
