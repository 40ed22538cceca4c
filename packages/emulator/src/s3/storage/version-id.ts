/*
 * Version ids for a versioned bucket. S3 documents them only as opaque, URL-safe strings of at
 * most 1,024 bytes (S3 User Guide, "How S3 Versioning works"); the emulator makes them 32
 * lower-case hex digits: 6 bytes of time (ms), 2 bytes of a sequence within that millisecond and
 * 8 random bytes, so they are unique and sort by the time they were made. `null` is the version id
 * S3 gives objects stored before versioning was on (the emulator's data dirs of before).
 */
import { randomBytes } from 'node:crypto';

/** The version id of an object stored before versions were kept. */
export const NULL_VERSION_ID = 'null';

const VERSION_ID = /^[0-9a-f]{32}$/;

/** Whether `text` is a version id the emulator could have made (or `null`). */
export function isVersionId(text: string): boolean {
  return text === NULL_VERSION_ID || VERSION_ID.test(text);
}

/** Makes version ids that increase with time, even when the clock stands still or goes back. */
export class VersionIds {
  private lastTime = 0;
  private sequence = 0;

  /** Makes sure later ids sort after `versionId` (one loaded from disk). */
  seen(versionId: string): void {
    if (!VERSION_ID.test(versionId)) return;
    const time = Number.parseInt(versionId.slice(0, 12), 16);
    const sequence = Number.parseInt(versionId.slice(12, 16), 16);
    if (time > this.lastTime || (time === this.lastTime && sequence > this.sequence)) {
      this.lastTime = time;
      this.sequence = sequence;
    }
  }

  /** A new id for a version made at `now` (epoch ms). */
  next(now: number): string {
    if (now > this.lastTime) {
      this.lastTime = now;
      this.sequence = 0;
    } else if (++this.sequence > 0xffff) {
      this.lastTime++;
      this.sequence = 0;
    }
    return (
      this.lastTime.toString(16).padStart(12, '0') +
      this.sequence.toString(16).padStart(4, '0') +
      randomBytes(8).toString('hex')
    );
  }
}
