import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { anAuthenticatedResponse, aProfile, MemoryStorage } from '../../../testing/fixtures';
import { SESSION_STORAGE, SessionStore } from '../../core/auth/session.store';
import { backupCodesText } from './backup-codes';
import { groupSetupKey } from './setup-key';
import { TwoFactorService } from './two-factor.service';

describe('TwoFactorService', () => {
  let service: TwoFactorService;
  let http: HttpTestingController;
  let session: SessionStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: SESSION_STORAGE, useValue: new MemoryStorage() }],
    });
    service = TestBed.inject(TwoFactorService);
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
    session.start(anAuthenticatedResponse());
  });

  afterEach(() => http.verify());

  it('walks the three calls of the enable flow and keeps the enabled profile', async () => {
    const setup = firstValueFrom(service.startSetup());
    const setupReq = http.expectOne('/api/profile/two-factor/setup');
    expect(setupReq.request.method).toBe('POST');
    setupReq.flush({ secret: 'JBSWY3DPEHPK3PXP', otpauthUrl: 'otpauth://totp/x', qrCodeDataUrl: 'data:', expiresAt: 'x' });
    expect((await setup).secret).toBe('JBSWY3DPEHPK3PXP');

    const verify = firstValueFrom(service.verify('123456'));
    const verifyReq = http.expectOne('/api/profile/two-factor/verify');
    expect(verifyReq.request.body).toEqual({ code: '123456' });
    verifyReq.flush({ backupCodes: ['A', 'B'] });
    expect((await verify).backupCodes).toEqual(['A', 'B']);

    const enable = firstValueFrom(service.enable());
    const enableReq = http.expectOne('/api/profile/two-factor/enable');
    expect(enableReq.request.body).toEqual({});
    enableReq.flush(aProfile({ twoFactor: { enabled: true, enabledAt: 'x', backupCodesRemaining: 10, enrolmentRequired: false } }));
    await enable;
    expect(session.user()?.twoFactor.enabled).toBe(true);
  });

  it('disables with the password, and ends the local session as the API ended every session', async () => {
    expect(session.isSignedIn()).toBe(true);
    const done = firstValueFrom(service.disable('secret-pw'), { defaultValue: undefined });
    const req = http.expectOne('/api/profile/two-factor/disable');
    expect(req.request.body).toEqual({ password: 'secret-pw' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await done;
    expect(session.isSignedIn()).toBe(false);
    expect(session.user()).toBeNull();
  });

  it('regenerates backup codes with a code, and lists and revokes trusted computers', () => {
    service.regenerateBackupCodes('654321').subscribe();
    expect(http.expectOne('/api/profile/two-factor/backup-codes').request.body).toEqual({ code: '654321' });
    service.trustedDevices().subscribe();
    http.expectOne({ method: 'GET', url: '/api/profile/trusted-devices' }).flush([]);
    service.revokeTrustedDevice('d/1').subscribe();
    http.expectOne({ method: 'DELETE', url: '/api/profile/trusted-devices/d%2F1' }).flush(null);
  });
});

describe('groupSetupKey', () => {
  it('groups the key in fours for reading', () => {
    expect(groupSetupKey('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSetupKey('jbswy3dpehpk3pxpab')).toBe('JBSW Y3DP EHPK 3PXP AB');
    expect(groupSetupKey('')).toBe('');
  });
});

describe('backupCodesText', () => {
  it('is a self-explanatory text file', () => {
    const text = backupCodesText(['AAAA-BBBB', 'CCCC-DDDD'], 'jane@x.test', new Date('2026-05-01T10:00:00Z'));
    expect(text).toContain('Practice Cloud backup codes');
    expect(text).toContain('Account: jane@x.test');
    expect(text).toContain('Generated: 2026-05-01');
    expect(text).toContain(' 1. AAAA-BBBB');
    expect(text).toContain(' 2. CCCC-DDDD');
    expect(text).toContain('will not email');
  });
});
