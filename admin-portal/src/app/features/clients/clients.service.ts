import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ClientFile, CreateClientRequest } from '@practice-cloud/contracts';
import type { Observable } from 'rxjs';

/** The practice's client files: the resource that 2FA protects. */
@Injectable({ providedIn: 'root' })
export class ClientsService {
  private readonly http = inject(HttpClient);

  list(): Observable<ClientFile[]> {
    return this.http.get<ClientFile[]>('/api/clients');
  }

  get(id: string): Observable<ClientFile> {
    return this.http.get<ClientFile>(`/api/clients/${encodeURIComponent(id)}`);
  }

  create(request: CreateClientRequest): Observable<ClientFile> {
    return this.http.post<ClientFile>('/api/clients', request);
  }
}
