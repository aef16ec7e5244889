import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, type MatDialogConfig } from '@angular/material/dialog';
import { map, type Observable } from 'rxjs';

export interface ConfirmDialogData {
  title: string;
  /** Each entry is one paragraph. */
  paragraphs: string[];
  confirmText: string;
  cancelText: string;
  /** Colours the confirm button as a destructive action. */
  destructive?: boolean;
}

/** A yes/no question. Closes with true only when the user confirms. */
@Component({
  selector: 'app-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title class="pc-user-text">{{ data.title }}</h2>
    <mat-dialog-content class="pc-user-text">
      @for (paragraph of data.paragraphs; track $index) {
        <p>{{ paragraph }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial>{{ data.cancelText }}</button>
      <button
        mat-flat-button
        type="button"
        [class.pc-destructive]="data.destructive"
        [mat-dialog-close]="true"
      >
        {{ data.confirmText }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .pc-destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}

/** Opens a ConfirmDialog; emits true when confirmed, false when declined or dismissed. */
export function confirm(dialog: MatDialog, data: ConfirmDialogData): Observable<boolean> {
  const config: MatDialogConfig<ConfirmDialogData> = { data, width: '480px', maxWidth: '95vw', role: 'alertdialog' };
  return dialog
    .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, config)
    .afterClosed()
    .pipe(map((result) => result === true));
}
