import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { normaliseBackupCode, NotificationType } from '@practice-cloud/contracts';
import { NoticeOutbox } from '../../api/src/notifications/entities/notice-outbox.entity.js';
import { NoticeJob, NoticeQueue, type QueuedNoticeJob } from '../../api/src/notifications/queue/notice-jobs.js';
import { ApiClient } from '../support/api-client.js';
import { count } from '../support/database.js';
import { adminWithTwoFactor, createPractice, enableTwoFactor, signIn, TEST_PASSWORD, type TestPractice } from '../support/practice-factory.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Notices go through the queue (Bull on Redis with MariaDB, the in-process queue with SQLite) to the in-app list
 * and, over real SMTP, to each person's inbox.
 */
describe('notices', () => {
  let smtp: SmtpSink;
  let testApp: TestApp;
  let api: ApiClient;
  /** Every backup code handed out in this file: none may ever be emailed. */
  const backupCodesSeen: string[] = [];

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    testApp = await startTestApp({ smtpUrl: smtp.url });
    api = new ApiClient(testApp.baseUrl);
  });

  afterAll(async () => {
    await testApp.close();
    await smtp.close();
  });

  /** A practice whose admin and first member use 2FA; the other members do not. */
  async function practiceReadyToEnforce(members = 3) {
    const practice = await createPractice(testApp, { members });
    const { admin, backupCodes } = await adminWithTwoFactor(api, practice);
    const enrolled = await signIn(api, practice.members[0]);
    const enrolledCodes = (await enableTwoFactor(enrolled)).backupCodes;
    backupCodesSeen.push(...backupCodes, ...enrolledCodes);
    const sessions = new Map([
      [practice.admin.id, admin],
      [practice.members[0].id, enrolled],
    ]);
    for (const member of practice.members.slice(1)) sessions.set(member.id, await signIn(api, member));
    await testApp.drainQueue();
    return { practice, admin, sessions };
  }

  const enforcementEmails = (practice: TestPractice) =>
    smtp.received.filter((email) => email.subject === `${practice.name} now requires two-factor authentication`);

  it('turning enforcement on records the intent with the setting, and the queue tells every member in the app and by email', async () => {
    const { practice, admin, sessions } = await practiceReadyToEnforce();
    const patch = await admin.patch('/practice/settings', { requireTwoFactor: true });
    expect(patch.body.noticesQueued).toBe(4);
    expect(await count(testApp, 'notice_outbox', "practice_id = ? AND kind = 'PRACTICE_ENFORCEMENT'", [practice.id])).toBe(1);

    await testApp.drainQueue();

    const everyone = [practice.admin, ...practice.members];
    const unenrolled = practice.members.slice(1);
    for (const person of everyone) {
      const notices = (await sessions.get(person.id)!.get('/notifications')).body as { type: string; title: string; message: string; readAt: null }[];
      const enforcement = notices.filter((notice) => notice.type.startsWith('TWO_FACTOR_REQUIRED'));
      expect(enforcement).toHaveLength(1);
      if (unenrolled.includes(person)) {
        expect(enforcement[0]).toMatchObject({ type: NotificationType.TWO_FACTOR_REQUIRED, readAt: null });
        expect(enforcement[0].title).toMatch(/^Unauthorised/);
      } else {
        expect(enforcement[0].type).toBe(NotificationType.TWO_FACTOR_REQUIRED_INFO);
        expect(enforcement[0].title).not.toMatch(/^Unauthorised/);
      }
      expect(enforcement[0].message).toContain(practice.name);
    }

    const emails = enforcementEmails(practice);
    expect(emails.map((email) => email.to).sort()).toEqual(everyone.map((person) => [person.email]).sort());
    for (const email of emails) {
      expect(email.from).toBe('no-reply@practice-cloud.local');
      expect(email.text).toContain(`${practice.name} now requires two-factor authentication (2FA)`);
    }
    const unenrolledEmail = emails.find((email) => email.to[0] === unenrolled[0].email)!;
    expect(unenrolledEmail.text).toContain('Until you enable it in your profile you cannot open client files');
  });

  it('a refused or repeated Yes records no notice at all', async () => {
    const practice = await createPractice(testApp, { members: 1 });
    const admin = await signIn(api, practice.admin);
    expect((await admin.patch('/practice/settings', { requireTwoFactor: true })).body.code).toBe('ADMIN_TWO_FACTOR_REQUIRED');
    expect(await count(testApp, 'notice_outbox', 'practice_id = ?', [practice.id])).toBe(0);

    backupCodesSeen.push(...(await enableTwoFactor(admin)).backupCodes);
    await admin.patch('/practice/settings', { requireTwoFactor: true });
    await admin.patch('/practice/settings', { requireTwoFactor: true });
    expect(await count(testApp, 'notice_outbox', "practice_id = ? AND kind = 'PRACTICE_ENFORCEMENT'", [practice.id])).toBe(1);
    await testApp.drainQueue();
    expect(enforcementEmails(practice)).toHaveLength(2);
  });

  it('a job that runs twice sends nothing twice', async () => {
    const { practice, admin } = await practiceReadyToEnforce(2);
    await admin.patch('/practice/settings', { requireTwoFactor: true });
    await testApp.drainQueue();
    const notificationsBefore = await count(testApp, 'notifications');
    const emailsBefore = smtp.received.length;
    expect(enforcementEmails(practice)).toHaveLength(3);

    // The dispatcher hands the same outbox row over again (as after a crash before it could stamp the row)...
    const outbox = testApp.dataSource.getRepository(NoticeOutbox);
    const row = await outbox.findOneByOrFail({ practiceId: practice.id, kind: 'PRACTICE_ENFORCEMENT' });
    await outbox.update({ id: row.id }, { dispatchedAt: null });
    await testApp.drainQueue();
    // ...and the very same jobs run once more under new job ids, as a retried job would.
    const queue = testApp.app.get(NoticeQueue);
    const rerun: QueuedNoticeJob[] = [
      { name: NoticeJob.FAN_OUT_ENFORCEMENT, data: JSON.parse(row.payload), jobId: `rerun-fan-out-${row.id}` },
      ...[practice.admin, ...practice.members].map((person) => ({
        name: NoticeJob.DELIVER,
        data: { dedupeKey: `enforcement:${row.id}:${person.id}`, userId: person.id, type: NotificationType.TWO_FACTOR_REQUIRED },
        jobId: `rerun-deliver-${row.id}-${person.id}`,
      })),
    ];
    await queue.addBulk(rerun);
    await testApp.drainQueue();

    expect(await count(testApp, 'notifications')).toBe(notificationsBefore);
    expect(smtp.received.length).toBe(emailsBefore);
    expect(enforcementEmails(practice)).toHaveLength(3);
  });

  it('enabling, disabling and an administrator’s reset each email the user', async () => {
    const practice = await createPractice(testApp, { members: 1 });
    const [member] = practice.members;
    const client = await signIn(api, member);
    backupCodesSeen.push(...(await enableTwoFactor(client)).backupCodes);
    await testApp.drainQueue();
    expect(subjectsTo(member.email)).toEqual(['Two-factor authentication was enabled on your account']);

    expect((await client.post('/profile/two-factor/disable', { password: TEST_PASSWORD })).status).toBe(204);
    await testApp.drainQueue();
    expect(subjectsTo(member.email)).toEqual([
      'Two-factor authentication was enabled on your account',
      'Two-factor authentication was disabled on your account',
    ]);

    backupCodesSeen.push(...(await enableTwoFactor(await signIn(api, member))).backupCodes);
    const admin = await signIn(api, practice.admin);
    expect((await admin.delete(`/practice/users/${member.id}/two-factor`)).status).toBe(204);
    await testApp.drainQueue();
    expect(subjectsTo(member.email)).toEqual([
      'Two-factor authentication was enabled on your account',
      'Two-factor authentication was disabled on your account',
      'Two-factor authentication was enabled on your account',
      'Your two-factor authentication was reset',
    ]);
    expect(smtp.to(member.email).at(-1)!.text).toContain(`An administrator of ${practice.name} reset two-factor authentication`);
    // Nobody else heard about it.
    expect(smtp.to(practice.admin.email)).toHaveLength(0);

    const types = ((await (await signIn(api, member)).get('/notifications')).body as { type: string }[]).map((notice) => notice.type);
    expect(types).toEqual(['TWO_FACTOR_RESET', 'TWO_FACTOR_ENABLED', 'TWO_FACTOR_DISABLED', 'TWO_FACTOR_ENABLED']);
  });

  it('never carry a backup code, and regenerated codes are not emailed either', async () => {
    const practice = await createPractice(testApp);
    const client = await signIn(api, practice.admin);
    const { app, backupCodes } = await enableTwoFactor(client);
    const regenerated = await client.post('/profile/two-factor/backup-codes', { code: await app.nextCode() });
    backupCodesSeen.push(...backupCodes, ...regenerated.body.backupCodes);
    await testApp.drainQueue();

    expect(smtp.received.length).toBeGreaterThan(10);
    expect(backupCodesSeen.length).toBeGreaterThanOrEqual(60);
    for (const email of smtp.received) {
      const haystack = `${email.raw}\n${email.text}`.toUpperCase();
      for (const code of backupCodesSeen) {
        expect(haystack).not.toContain(code.toUpperCase());
        expect(haystack.replace(/[\s-]/g, '')).not.toContain(normaliseBackupCode(code));
      }
    }
  });

  function subjectsTo(address: string): string[] {
    return smtp.to(address).map((email) => email.subject);
  }
});
