import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, DOCUMENT, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Notifier } from '../../core/ui/notifier';

export const BACKUP_CODES_FILE_NAME = 'practice-cloud-backup-codes.txt';

/** The text of the .txt download and of Copy: self-explanatory when found in a drawer a year later. */
export function backupCodesText(codes: readonly string[], account: string, generatedAt: Date = new Date()): string {
  return [
    'Practice Cloud backup codes',
    `Account: ${account}`,
    `Generated: ${generatedAt.toISOString().slice(0, 10)}`,
    '',
    'Each code signs you in once when you cannot use your authenticator app.',
    'Keep them somewhere safe. Practice Cloud will not email them to you.',
    '',
    ...codes.map((code, i) => `${String(i + 1).padStart(2, ' ')}. ${code}`),
    '',
  ].join('\n');
}

/** Backup codes with Copy, Download (.txt) and Print. */
@Component({
  selector: 'app-backup-codes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule],
  template: `
    <div class="pc-print-area">
      <p class="print-heading">Practice Cloud backup codes for {{ account() }}</p>
      <ol class="codes" aria-label="Backup codes">
        @for (code of codes(); track code) {
          <li class="pc-mono" data-testid="backup-code">{{ code }}</li>
        }
      </ol>
    </div>
    <div class="pc-actions pc-no-print">
      <button mat-stroked-button type="button" (click)="copy()">
        <mat-icon>content_copy</mat-icon>
        Copy
      </button>
      <button mat-stroked-button type="button" (click)="download()">
        <mat-icon>download</mat-icon>
        Download (.txt)
      </button>
      <button mat-stroked-button type="button" (click)="print()">
        <mat-icon>print</mat-icon>
        Print
      </button>
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 16px;
      /* The columns follow the room the codes have (a dialog, a page, a phone), not the window's width. */
      container-type: inline-size;
    }
    .print-heading {
      display: none;
    }
    .codes {
      display: grid;
      grid-template-columns: 1fr;
      gap: 8px 24px;
      margin: 0;
      padding: 16px;
      border-radius: 12px;
      border: 1px dashed var(--mat-sys-outline);
      background: var(--mat-sys-surface-container-low);
      font-size: 1.05rem;
      letter-spacing: 0.06em;
    }
    li {
      white-space: nowrap;
      /* Room for the number ("10.") inside each column, so it never covers the code of the column before. */
      margin-left: 2.5em;
    }
    /* Two columns only where two codes fit side by side; a dialog or a phone gets one. */
    @container (min-width: 600px) {
      .codes {
        grid-template-columns: repeat(2, max-content);
        column-gap: 4em;
      }
    }
    /* Small enough on a phone that a code never breaks across two lines. */
    @container (max-width: 319.98px) {
      .codes {
        font-size: 0.875rem;
        letter-spacing: 0.02em;
      }
    }
    @media print {
      .print-heading {
        display: block;
      }
    }
  `,
})
export class BackupCodes {
  private readonly clipboard = inject(Clipboard);
  private readonly document = inject(DOCUMENT);
  private readonly notifier = inject(Notifier);

  readonly codes = input.required<readonly string[]>();
  /** The account's email, printed with the codes. */
  readonly account = input('');

  protected copy(): void {
    const copied = this.clipboard.copy(backupCodesText(this.codes(), this.account()));
    this.notifier.info(copied ? 'Backup codes copied.' : 'Could not copy. Select the codes and copy them instead.');
  }

  protected download(): void {
    const view = this.document.defaultView;
    if (!view) {
      return;
    }
    const blob = new Blob([backupCodesText(this.codes(), this.account())], { type: 'text/plain;charset=utf-8' });
    const url = view.URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = BACKUP_CODES_FILE_NAME;
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    view.setTimeout(() => view.URL.revokeObjectURL(url), 1000);
  }

  protected print(): void {
    const view = this.document.defaultView;
    if (!view) {
      return;
    }
    // The print style sheet (styles.scss) hides everything but the codes while this class is on the body.
    const body = this.document.body;
    body.classList.add('pc-printing');
    view.addEventListener('afterprint', () => body.classList.remove('pc-printing'), { once: true });
    view.print();
  }
}
