import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  BackupCodesResponse,
  DisableTwoFactorRequest,
  Profile,
  TrustedDevice,
  TwoFactorCodeRequest,
  TwoFactorSetupResponse,
} from '@practice-cloud/contracts';
import { type Observable, tap } from 'rxjs';
import { SessionStore } from '../../core/auth/session.store';

/** The self-service 2FA calls of the profile: the three-step enable flow, disable, backup codes, trusted computers. */
@Injectable({ providedIn: 'root' })
export class TwoFactorService {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);

  /** Step 1 "Next": starts (or restarts) a pending setup. */
  startSetup(): Observable<TwoFactorSetupResponse> {
    return this.http.post<TwoFactorSetupResponse>('/api/profile/two-factor/setup', {});
  }

  /** Step 2 "Verify and Next": the first code from the app; answers with the backup codes, shown this once. */
  verify(code: string): Observable<BackupCodesResponse> {
    const body: TwoFactorCodeRequest = { code };
    return this.http.post<BackupCodesResponse>('/api/profile/two-factor/verify', body);
  }

  /** Step 3 "Verify and Enable". */
  enable(): Observable<Profile> {
    return this.http
      .post<Profile>('/api/profile/two-factor/enable', {})
      .pipe(tap((profile) => this.session.setUser(profile)));
  }

  /** Disabling ends every session of the account at the API, this one included, so it ends here too. */
  disable(password: string): Observable<void> {
    const body: DisableTwoFactorRequest = { password };
    return this.http
      .post<void>('/api/profile/two-factor/disable', body)
      .pipe(tap(() => this.session.clear()));
  }

  regenerateBackupCodes(code: string): Observable<BackupCodesResponse> {
    const body: TwoFactorCodeRequest = { code };
    return this.http.post<BackupCodesResponse>('/api/profile/two-factor/backup-codes', body);
  }

  trustedDevices(): Observable<TrustedDevice[]> {
    return this.http.get<TrustedDevice[]>('/api/profile/trusted-devices');
  }

  revokeTrustedDevice(id: string): Observable<void> {
    return this.http.delete<void>(`/api/profile/trusted-devices/${encodeURIComponent(id)}`);
  }
}
