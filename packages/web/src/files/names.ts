/*
 * Checks a name a person typed (a new folder, a rename) or a file brought for upload, before any
 * request, with a message that says what to change; and finds a free name for "keep both"
 * (`notes.txt` → `notes (1).txt`). S3 keys are at most 1,024 bytes of UTF-8, prefix included.
 */

/** S3's limit on a key, in bytes of UTF-8. */
export const MAX_KEY_BYTES = 1024;

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Why `name` cannot be used in the folder whose full key prefix is `parentKey`, or `null` when it
 * can. A folder's key takes one more byte (its trailing `/`).
 */
export function nameProblem(name: string, parentKey: string, kind: 'file' | 'folder'): string | null {
  const noun = kind === 'file' ? 'file name' : 'folder name';
  if (name.trim() === '') return `Enter a ${noun}.`;
  if (name.includes('/')) return `A ${noun} cannot contain "/". Use another character, such as "-".`;
  if (name === '.' || name === '..') return `"${name}" cannot be a ${noun}. Use a plain name.`;
  if (CONTROL.test(name)) {
    return `The ${noun} contains a control character (such as a tab or a line break). Remove it.`;
  }
  const bytes = new TextEncoder().encode(`${parentKey}${name}${kind === 'folder' ? '/' : ''}`).length;
  if (bytes > MAX_KEY_BYTES) {
    const over = bytes - MAX_KEY_BYTES;
    return `The ${noun} is too long here by ${over} byte${over === 1 ? '' : 's'} (a full path may have ${MAX_KEY_BYTES.toLocaleString()}). Shorten it.`;
  }
  return null;
}

/** The first of `name (1).ext`, `name (2).ext`, … that is not in `taken`. */
export function keepBothName(name: string, taken: ReadonlySet<string>): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}
