import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ErrorCode, type ClientFile } from '@practice-cloud/contracts';
import { asApiError } from '../../core/api/api-error';
import { messageFor } from '../../core/api/error-messages';
import { FormAlert } from '../../shared/form-alert';
import { ClientsService } from './clients.service';

/** One client file. */
@Component({
  selector: 'app-client-file-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatCardModule, MatButtonModule, MatIconModule, MatProgressBarModule, FormAlert],
  template: `
    <div class="pc-page">
      <div>
        <a mat-button routerLink="/"><mat-icon>arrow_back</mat-icon>Client List</a>
      </div>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the client file" />
      }
      <app-form-alert [message]="error()" />
      @if (client(); as client) {
        <mat-card appearance="outlined" class="file">
          <mat-card-header>
            <mat-icon mat-card-avatar aria-hidden="true" class="avatar">folder_shared</mat-icon>
            <mat-card-title><h1 class="pc-page-title pc-user-text">{{ client.name }}</h1></mat-card-title>
            <mat-card-subtitle class="pc-user-text">
              Client code <span class="pc-mono">{{ client.code }}</span>
            </mat-card-subtitle>
          </mat-card-header>
          <mat-card-content>
            <dl class="facts">
              <dt>Last updated</dt>
              <dd>{{ client.updatedAt | date: 'd MMMM y, HH:mm' }}</dd>
            </dl>
          </mat-card-content>
        </mat-card>
      }
    </div>
  `,
  styles: `
    .file {
      --mat-card-outlined-container-color: var(--mat-sys-surface);
      border-radius: 16px;
      padding: 8px;
    }
    .avatar {
      display: grid;
      place-items: center;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 8px 24px;
      margin: 16px 0 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
  `,
})
export class ClientFilePage {
  private readonly clients = inject(ClientsService);

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly client = signal<ClientFile | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect((onCleanup) => {
      const id = this.id();
      this.loading.set(true);
      this.error.set(null);
      const subscription = this.clients.get(id).subscribe({
        next: (client) => {
          this.client.set(client);
          this.loading.set(false);
        },
        error: (e: unknown) => {
          this.loading.set(false);
          const error = asApiError(e);
          // The id comes from the address bar, and this page has no fields to highlight: an id the API rejects as
          // malformed names no client file, just like an unknown one.
          this.error.set(error.is(ErrorCode.VALIDATION_FAILED) ? messageFor(ErrorCode.NOT_FOUND) : error.userMessage);
        },
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }
}
