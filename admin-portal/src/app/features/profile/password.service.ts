import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ChangePasswordRequest } from '@practice-cloud/contracts';
import type { Observable } from 'rxjs';

/** Profile → Change password. */
@Injectable({ providedIn: 'root' })
export class PasswordService {
  private readonly http = inject(HttpClient);

  /** The API keeps this session and ends every other one. */
  change(body: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>('/api/profile/password', body);
  }
}
