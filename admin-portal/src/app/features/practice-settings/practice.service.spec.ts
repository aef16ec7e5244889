import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PracticeSettings } from '@practice-cloud/contracts';
import { membersVerb, requireTwoFactorDone, requireTwoFactorQuestion } from './practice-settings.page';
import { PracticeService } from './practice.service';

describe('PracticeService', () => {
  let service: PracticeService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(PracticeService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('talks to the practice endpoints of the contract', () => {
    service.settings().subscribe();
    http.expectOne({ method: 'GET', url: '/api/practice/settings' }).flush({});
    service.setRequireTwoFactor(true).subscribe();
    const patch = http.expectOne({ method: 'PATCH', url: '/api/practice/settings' });
    expect(patch.request.body).toEqual({ requireTwoFactor: true });
    patch.flush({});
    service.users().subscribe();
    http.expectOne({ method: 'GET', url: '/api/practice/users' }).flush([]);
    service
      .addUser({ email: 'a@b.test', firstName: 'A', lastName: 'B', role: 'MEMBER', password: 'long-password-1' })
      .subscribe();
    http.expectOne({ method: 'POST', url: '/api/practice/users' }).flush({});
    service.resetTwoFactor('u1').subscribe();
    http.expectOne({ method: 'DELETE', url: '/api/practice/users/u1/two-factor' }).flush(null);
  });
});

describe('requireTwoFactorQuestion', () => {
  const settings: PracticeSettings = {
    id: 'p1',
    name: 'Smith & Co',
    requireTwoFactor: false,
    requireTwoFactorSince: null,
    members: 5,
    membersWithTwoFactor: 2,
  };

  it('says what will happen to the members without 2FA, with Yes / No', () => {
    const question = requireTwoFactorQuestion(settings, true);
    expect(question.title).toBe('Require 2FA for everyone in Smith & Co?');
    expect(question.paragraphs.join(' ')).toContain('3 of 5 members have not enabled 2FA yet');
    expect(question.paragraphs.join(' ')).toContain('Unauthorised notice');
    expect(question.paragraphs.join(' ')).toContain('will not be able to open client files');
    expect(question.confirmText).toBe('Yes');
    expect(question.cancelText).toBe('No');
  });

  it('says nobody loses access when everyone already uses 2FA', () => {
    const question = requireTwoFactorQuestion({ ...settings, membersWithTwoFactor: 5 }, true);
    expect(question.paragraphs[0]).toContain('nobody will lose access');
  });

  it('asks before turning the requirement off', () => {
    expect(requireTwoFactorQuestion({ ...settings, requireTwoFactor: true }, false).title).toBe('Stop requiring 2FA?');
  });
});

describe('the words about how many members', () => {
  const settings: PracticeSettings = {
    id: 'p1',
    name: 'Northside Tax',
    requireTwoFactor: false,
    requireTwoFactorSince: null,
    members: 2,
    membersWithTwoFactor: 1,
  };

  it('agree with the count, for none, one and many: no singular noun with a plural verb', () => {
    const words = (count: number, total: number): string => `${count} of ${total} ${membersVerb(count, total, 'has', 'have')}`;
    expect(words(0, 1)).toBe('0 of 1 member has');
    expect(words(1, 1)).toBe('1 of 1 member has');
    expect(words(0, 3)).toBe('0 of 3 members have');
    expect(words(1, 2)).toBe('1 of 2 members has');
    expect(words(2, 3)).toBe('2 of 3 members have');
    expect(words(5, 5)).toBe('5 of 5 members have');
    expect(requireTwoFactorQuestion({ ...settings, members: 1, membersWithTwoFactor: 0 }, true).paragraphs[0]).toMatch(
      /^1 of 1 member has not enabled 2FA yet\. They will/,
    );
    expect(requireTwoFactorQuestion(settings, true).paragraphs[0]).toMatch(/^1 of 2 members has not enabled 2FA yet\. They will/);
  });

  it('count the same people in the confirmation and the toast: every member gets a notice', () => {
    const question = requireTwoFactorQuestion(settings, true).paragraphs.join(' ');
    expect(question).toContain('Members who already use 2FA will get a notice');
    expect(question).not.toContain('will not notice a change');
    expect(requireTwoFactorDone({ ...settings, requireTwoFactor: true, noticesQueued: 2 })).toBe(
      '2FA is now required. Notices are on their way to all 2 members; 1 must enable 2FA to open client files.',
    );
    expect(requireTwoFactorDone({ ...settings, members: 3, membersWithTwoFactor: 3, noticesQueued: 3 })).toBe(
      '2FA is now required. Notices are on their way to all 3 members; everyone already uses 2FA.',
    );
    expect(requireTwoFactorDone({ ...settings, members: 1, membersWithTwoFactor: 1, noticesQueued: 1 })).toBe(
      '2FA is now required. A notice is on its way to 1 member; everyone already uses 2FA.',
    );
  });
});
