import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreatePracticeUserRequest,
  PracticeSettings,
  PracticeUser,
  UpdatePracticeSettingsRequest,
  UpdatePracticeSettingsResponse,
} from '@practice-cloud/contracts';
import type { Observable } from 'rxjs';

/** Practice administration (administrators only). */
@Injectable({ providedIn: 'root' })
export class PracticeService {
  private readonly http = inject(HttpClient);

  settings(): Observable<PracticeSettings> {
    return this.http.get<PracticeSettings>('/api/practice/settings');
  }

  setRequireTwoFactor(requireTwoFactor: boolean): Observable<UpdatePracticeSettingsResponse> {
    const body: UpdatePracticeSettingsRequest = { requireTwoFactor };
    return this.http.patch<UpdatePracticeSettingsResponse>('/api/practice/settings', body);
  }

  users(): Observable<PracticeUser[]> {
    return this.http.get<PracticeUser[]>('/api/practice/users');
  }

  addUser(request: CreatePracticeUserRequest): Observable<PracticeUser> {
    return this.http.post<PracticeUser>('/api/practice/users', request);
  }

  resetTwoFactor(userId: string): Observable<void> {
    return this.http.delete<void>(`/api/practice/users/${encodeURIComponent(userId)}/two-factor`);
  }
}
