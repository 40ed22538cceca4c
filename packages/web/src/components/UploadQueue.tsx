/*
 * The upload queue: one row per file with its progress bar, a cancel button and its own error.
 */

import { formatSize } from '../files/format';
import { isFinished, type UploadEntry } from '../files/useUploads';

/** Props of {@link UploadQueue}. */
export interface UploadQueueProps {
  entries: UploadEntry[];
  onCancel(id: number): void;
  onClear(): void;
}

/** Renders nothing when the queue is empty. */
export function UploadQueue({ entries, onCancel, onClear }: UploadQueueProps) {
  if (entries.length === 0) return null;
  const finished = entries.some(isFinished);
  return (
    <section className="upload-queue" aria-labelledby="uploads-title">
      <div className="section-header">
        <h2 id="uploads-title">Uploads</h2>
        {finished ? (
          <button type="button" className="button button-quiet" onClick={onClear}>
            Clear finished
          </button>
        ) : null}
      </div>
      {/* Screen readers hear each change of state, not every percent. */}
      <p className="visually-hidden" role="status">
        {summary(entries)}
      </p>
      <ul>
        {entries.map((entry) => {
          const percent = entry.total > 0 ? Math.round((entry.loaded / entry.total) * 100) : 0;
          return (
            <li key={entry.id} className={`upload upload-${entry.status}`}>
              <div className="upload-line">
                <span className="upload-name">{entry.name}</span>
                <span className="upload-state">{statusText(entry, percent)}</span>
                {entry.status === 'uploading' ? (
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={`Cancel upload of ${entry.name}`}
                    onClick={() => onCancel(entry.id)}
                  >
                    Cancel
                  </button>
                ) : null}
              </div>
              <progress
                max={100}
                value={entry.status === 'done' ? 100 : percent}
                aria-label={`Upload of ${entry.name}`}
              />
              {entry.error ? (
                <p className="field-error" role="alert">
                  {entry.name}: {entry.error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function statusText(entry: UploadEntry, percent: number): string {
  switch (entry.status) {
    case 'uploading':
      return `${percent}% of ${formatSize(entry.total)}`;
    case 'done':
      return 'Uploaded';
    case 'cancelling':
      return 'Cancelling…';
    case 'cancelled':
      return 'Cancelled';
    case 'failed':
      return 'Failed';
    case 'exists':
      return 'Already there: waiting for your answer';
    case 'skipped':
      return 'Skipped';
  }
}

/** e.g. "Uploads: 1 in progress, 2 uploaded, 1 cancelled." */
export function summary(entries: UploadEntry[]): string {
  const counts: Array<[string, number]> = [
    ['in progress', entries.filter((e) => e.status === 'uploading').length],
    ['cancelling', entries.filter((e) => e.status === 'cancelling').length],
    ['uploaded', entries.filter((e) => e.status === 'done').length],
    ['cancelled', entries.filter((e) => e.status === 'cancelled').length],
    ['failed', entries.filter((e) => e.status === 'failed').length],
    ['waiting for an answer', entries.filter((e) => e.status === 'exists').length],
    ['skipped', entries.filter((e) => e.status === 'skipped').length],
  ];
  const parts = counts.filter(([, n]) => n > 0).map(([label, n]) => `${n} ${label}`);
  return `Uploads: ${parts.join(', ')}.`;
}
