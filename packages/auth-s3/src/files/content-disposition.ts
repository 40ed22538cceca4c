/*
 * Builds the Content-Disposition a presigned download asks S3 to send, so the browser saves the
 * file under its own name: an ASCII `filename` fallback plus the exact UTF-8 name in `filename*`
 * (RFC 6266 with RFC 5987 encoding).
 */

/** `attachment; filename="cafe.txt"; filename*=UTF-8''caf%C3%A9.txt` */
export function contentDisposition(filename: string): string {
  // Path separators and control characters never belong in a saved file's name.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const clean = filename.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim() || 'download';
  const fallback = clean.replace(/[^\x20-\x7e]/g, '_').replace(/["%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(clean)}`;
}

/** Percent-encodes everything outside RFC 5987's attr-char set. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
