/*
 * The progress of the long action running (a bulk delete, a move or copy of folders), with its
 * Cancel. Screen readers hear the label, not every step.
 */
import type { TaskState } from '../files/useTask';

/** Renders nothing when no task runs. */
export function TaskProgress({ task, onCancel }: { task: TaskState | null; onCancel(): void }) {
  if (!task) return null;
  const counted =
    task.total > 0 ? `${task.done.toLocaleString()} of ${task.total.toLocaleString()} files` : '';
  return (
    <section className="task-progress" aria-label="Progress">
      <div className="upload-line">
        <p role="status" className="upload-name">
          {task.cancelling ? 'Cancelling…' : `${task.label}…`}
        </p>
        <span className="upload-state">{counted}</span>
        <button type="button" className="button button-quiet" disabled={task.cancelling} onClick={onCancel}>
          Cancel
        </button>
      </div>
      <progress
        max={Math.max(task.total, 1)}
        value={task.total > 0 ? task.done : undefined}
        aria-label={task.label}
      />
    </section>
  );
}
