/*
 * "Replace, keep both or skip?" for an upload whose name is already taken in the folder.
 */
import { useId } from 'react';
import { ModalDialog } from './ModalDialog';

/** Props of {@link ReplaceDialog}. */
export interface ReplaceDialogProps {
  name: string;
  /** The name "Keep both" would give the new file. */
  keepBothName: string;
  /** How many more uploads wait for the same question. */
  waiting: number;
  onChoose(choice: 'replace' | 'keepBoth' | 'skip'): void;
}

/** Shown while mounted; Escape skips. */
export function ReplaceDialog({ name, keepBothName, waiting, onChoose }: ReplaceDialogProps) {
  const titleId = useId();
  return (
    <ModalDialog labelledBy={titleId} onCancel={() => onChoose('skip')}>
      <h2 id={titleId}>Replace {name}?</h2>
      <div className="dialog-body">
        <p>
          A file named <span className="file-name">{name}</span> is already in this folder. Replace it (its
          current version stays under Versions), keep both (the new one becomes{' '}
          <span className="file-name">{keepBothName}</span>), or skip this file?
        </p>
        {waiting > 0 ? (
          <p className="muted">
            {waiting} more {waiting === 1 ? 'upload waits' : 'uploads wait'} for the same question.
          </p>
        ) : null}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={() => onChoose('skip')}>
          Skip
        </button>
        <button type="button" className="button button-secondary" onClick={() => onChoose('keepBoth')}>
          Keep both
        </button>
        <button type="button" className="button button-primary" onClick={() => onChoose('replace')}>
          Replace
        </button>
      </div>
    </ModalDialog>
  );
}
