/*
 * What can be done with the selected entries together: move or copy them (to a folder of either
 * area), delete them, or clear the selection. Shown while anything is selected.
 */

/** Props of {@link SelectionBar}. */
export interface SelectionBarProps {
  /** "3 items", "1 folder". */
  label: string;
  disabled: boolean;
  onMove(): void;
  onCopy(): void;
  onDelete(): void;
  onClear(): void;
}

/** A toolbar for the selection. */
export function SelectionBar({ label, disabled, onMove, onCopy, onDelete, onClear }: SelectionBarProps) {
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected items">
      <p className="selection-count">{label} selected</p>
      <button type="button" className="button button-secondary" disabled={disabled} onClick={onMove}>
        Move…
      </button>
      <button type="button" className="button button-secondary" disabled={disabled} onClick={onCopy}>
        Copy…
      </button>
      <button type="button" className="button button-danger" disabled={disabled} onClick={onDelete}>
        Delete
      </button>
      <button type="button" className="button button-quiet" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
