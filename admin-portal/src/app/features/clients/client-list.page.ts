import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { ClientFile } from '@practice-cloud/contracts';
import { asApiError } from '../../core/api/api-error';
import { SessionStore } from '../../core/auth/session.store';
import { Notifier } from '../../core/ui/notifier';
import { FormAlert } from '../../shared/form-alert';
import { AddClientDialog } from './add-client-dialog';
import { ClientsService } from './clients.service';

/** The home page: the practice and its client files. */
@Component({
  selector: 'app-client-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    MatCardModule,
    MatButtonModule,
    MatIconModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatTableModule,
    FormAlert,
  ],
  templateUrl: './client-list.page.html',
  styleUrl: './client-list.page.scss',
})
export class ClientListPage implements OnInit {
  private readonly clientsService = inject(ClientsService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly session = inject(SessionStore);

  protected readonly user = this.session.user;
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly clients = signal<ClientFile[]>([]);
  protected readonly filter = signal('');
  protected readonly visibleClients = computed(() => {
    const term = this.filter().trim().toLowerCase();
    const sorted = [...this.clients()].sort((a, b) => a.name.localeCompare(b.name));
    return term
      ? sorted.filter((c) => c.name.toLowerCase().includes(term) || c.code.toLowerCase().includes(term))
      : sorted;
  });
  protected readonly columns = ['code', 'name', 'updatedAt'];

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.clientsService.list().subscribe({
      next: (clients) => {
        this.clients.set(clients);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.error.set(asApiError(e).userMessage);
      },
    });
  }

  protected onFilter(event: Event): void {
    this.filter.set((event.target as HTMLInputElement).value);
  }

  protected addClient(): void {
    this.dialog
      .open<AddClientDialog, void, ClientFile>(AddClientDialog, { width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((client) => {
        if (client) {
          this.clients.update((clients) => [client, ...clients]);
          this.notifier.info(`${client.name} was added.`);
        }
      });
  }
}
