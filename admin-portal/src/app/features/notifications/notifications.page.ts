import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { type Notification, NotificationType } from '@practice-cloud/contracts';
import { asApiError } from '../../core/api/api-error';
import { SessionStore } from '../../core/auth/session.store';
import { NotificationsService } from '../../core/notifications/notifications.service';
import { FormAlert } from '../../shared/form-alert';

const ICONS: Record<NotificationType, string> = {
  TWO_FACTOR_REQUIRED: 'gpp_bad',
  TWO_FACTOR_REQUIRED_INFO: 'policy',
  TWO_FACTOR_ENABLED: 'verified_user',
  TWO_FACTOR_DISABLED: 'lock_open',
  TWO_FACTOR_RESET: 'restart_alt',
  PASSWORD_CHANGED: 'password',
};

/** The notices the queue delivered, newest first, with a way to mark each one read. */
@Component({
  selector: 'app-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatButtonModule, MatCardModule, MatIconModule, MatProgressBarModule, FormAlert],
  template: `
    <div class="pc-page narrow">
      <h1 class="pc-page-title">Notifications</h1>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading notifications" />
      }
      <app-form-alert [message]="error()" />

      @if (!loading() && notifications().length === 0 && !error()) {
        <mat-card appearance="outlined" class="card empty">
          <mat-icon aria-hidden="true">notifications_none</mat-icon>
          <p>You have no notifications.</p>
        </mat-card>
      }

      <ul class="list" aria-label="Notifications">
        @for (notice of notifications(); track notice.id) {
          <li>
            <mat-card
              appearance="outlined"
              class="card notice"
              [class.unread]="notice.readAt === null"
              [class.alert]="notice.type === 'TWO_FACTOR_REQUIRED'"
              data-testid="notification"
            >
              <mat-icon class="icon" aria-hidden="true">{{ icon(notice) }}</mat-icon>
              <div class="body pc-user-text">
                <h2 class="title">
                  {{ notice.title }}
                  @if (notice.readAt === null) {
                    <span class="pc-visually-hidden">(unread)</span>
                  }
                </h2>
                <p class="message">{{ notice.message }}</p>
                <p class="pc-muted small">{{ notice.createdAt | date: 'd MMM y, HH:mm' }}</p>
                <div class="pc-actions">
                  @if (notice.type === 'TWO_FACTOR_REQUIRED' && session.enrolmentRequired()) {
                    <a mat-flat-button routerLink="/profile/two-factor/enable">Enable 2FA</a>
                  }
                  @if (notice.readAt === null) {
                    <button
                      mat-button
                      type="button"
                      (click)="markRead(notice)"
                      [attr.aria-label]="'Mark as read: ' + notice.title"
                    >
                      Mark as read
                    </button>
                  }
                </div>
              </div>
            </mat-card>
          </li>
        }
      </ul>
    </div>
  `,
  styles: `
    .narrow {
      max-width: 800px;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .card {
      --mat-card-outlined-container-color: var(--mat-sys-surface);
      border-radius: 16px;
    }
    .empty {
      align-items: center;
      padding: 32px;
      p {
        margin: 8px 0 0;
      }
    }
    .notice {
      flex-direction: row;
      gap: 16px;
      padding: 16px 20px;
    }
    .notice.unread {
      border-left: 4px solid var(--mat-sys-primary);
    }
    .notice.alert.unread {
      border-left-color: var(--mat-sys-error);
    }
    .notice.alert .icon {
      color: var(--mat-sys-error);
    }
    .icon {
      flex: none;
      margin-top: 2px;
      color: var(--mat-sys-primary);
    }
    .body {
      flex: 1;
      min-width: 0;
    }
    .title {
      font: var(--mat-sys-title-medium);
    }
    .unread .title {
      font-weight: 700;
    }
    .message {
      margin: 4px 0;
    }
    .small {
      margin: 0 0 8px;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class NotificationsPage implements OnInit {
  private readonly service = inject(NotificationsService);
  protected readonly session = inject(SessionStore);
  protected readonly notifications = this.service.notifications;
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    this.service.load().subscribe({
      next: () => this.loading.set(false),
      error: (e: unknown) => {
        this.loading.set(false);
        this.error.set(asApiError(e).userMessage);
      },
    });
  }

  protected icon(notice: Notification): string {
    return ICONS[notice.type] ?? 'notifications';
  }

  protected markRead(notice: Notification): void {
    this.service.markRead(notice.id).subscribe({ error: (e: unknown) => this.error.set(asApiError(e).userMessage) });
  }
}
