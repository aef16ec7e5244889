import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialogRef } from '@angular/material/dialog';
import {
  CLIENT_CODE_MAX_LENGTH,
  CLIENT_NAME_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@practice-cloud/contracts';
import { portalTestProviders, renderStable } from '../../testing/fixtures';
import { AddClientDialog } from './clients/add-client-dialog';
import { AddMemberDialog } from './practice-settings/add-member-dialog';

/**
 * The Add client and Add member forms check the API's rules, taken from the contracts: what the form sends, the API
 * accepts, and what the API would refuse, the form refuses before sending.
 */
describe('Forms that follow the contracts', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...portalTestProviders(),
        { provide: MatDialogRef, useValue: { close: vi.fn() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  /** Fills the form's inputs in order, then submits it. */
  async function fillAndSubmit(
    fixture: ComponentFixture<unknown>,
    values: Record<string, string>,
  ): Promise<void> {
    const element = fixture.nativeElement as HTMLElement;
    for (const [name, value] of Object.entries(values)) {
      const input = element.querySelector<HTMLInputElement>(`input[formcontrolname=${name}]`);
      if (!input) throw new Error(`no input ${name}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  const member = { firstName: 'Jane', lastName: 'Smith', email: 'jane@smith-co.test' };

  it('Add member sends names and a password at the shared limits', async () => {
    const fixture = await renderStable(AddMemberDialog);
    await fillAndSubmit(fixture, {
      ...member,
      firstName: 'J'.repeat(NAME_MAX_LENGTH),
      lastName: 'S'.repeat(NAME_MAX_LENGTH),
      password: 'abcde'.repeat(PASSWORD_MAX_LENGTH / 4).slice(0, PASSWORD_MAX_LENGTH),
    });
    http.expectOne({ method: 'POST', url: '/api/practice/users' });
  });

  it('Add member refuses a password shorter or longer than the API allows, and a name too long', async () => {
    for (const values of [
      { ...member, password: 'abcde'.repeat(10).slice(0, PASSWORD_MIN_LENGTH - 1) },
      {
        ...member,
        password: 'abcde'.repeat(PASSWORD_MAX_LENGTH).slice(0, PASSWORD_MAX_LENGTH + 1),
      },
      { ...member, firstName: 'J'.repeat(NAME_MAX_LENGTH + 1), password: 'long-password-1' },
      { ...member, lastName: 'S'.repeat(NAME_MAX_LENGTH + 1), password: 'long-password-1' },
    ]) {
      const fixture = await renderStable(AddMemberDialog);
      await fillAndSubmit(fixture, values);
      http.expectNone('/api/practice/users');
      fixture.destroy();
    }
  });

  it('Add client sends a name and a code at the shared limits', async () => {
    const fixture = await renderStable(AddClientDialog);
    await fillAndSubmit(fixture, {
      name: 'N'.repeat(CLIENT_NAME_MAX_LENGTH),
      code: 'C'.repeat(CLIENT_CODE_MAX_LENGTH),
    });
    http.expectOne({ method: 'POST', url: '/api/clients' });
  });

  it('Add client refuses a name or a code longer than the API allows', async () => {
    for (const values of [
      { name: 'N'.repeat(CLIENT_NAME_MAX_LENGTH + 1), code: 'ACME01' },
      { name: 'Acme', code: 'C'.repeat(CLIENT_CODE_MAX_LENGTH + 1) },
      { name: 'Acme', code: '-ACME' },
    ]) {
      const fixture = await renderStable(AddClientDialog);
      await fillAndSubmit(fixture, values);
      http.expectNone('/api/clients');
      fixture.destroy();
    }
  });

  /** Puts text in an input as pasting does: one input event with the whole text. */
  async function paste(fixture: ComponentFixture<unknown>, name: string, value: string): Promise<HTMLInputElement> {
    const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(`input[formcontrolname=${name}]`);
    if (!input) throw new Error(`no input ${name}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    return input;
  }

  function errors(fixture: ComponentFixture<unknown>): string[] {
    return [...(fixture.nativeElement as HTMLElement).querySelectorAll('mat-error')].map((e) => e.textContent?.trim() ?? '');
  }

  it('no input cuts what is typed or pasted at the limit: the text stays whole and the field says the limit at once', async () => {
    const client = await renderStable(AddClientDialog);
    const member = await renderStable(AddMemberDialog);
    for (const input of [client, member].flatMap((f) => [...(f.nativeElement as HTMLElement).querySelectorAll('input')])) {
      expect(input.hasAttribute('maxlength')).toBe(false);
    }

    const name = await paste(client, 'name', 'N'.repeat(380));
    expect(name.value).toHaveLength(380);
    const code = await paste(client, 'code', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
    expect(code.value).toHaveLength(36);
    // Shown while the cursor is still in the field, before it is left or the form is submitted.
    expect(errors(client)).toEqual([
      `Use at most ${CLIENT_NAME_MAX_LENGTH} characters (now 380).`,
      `Use at most ${CLIENT_CODE_MAX_LENGTH} characters (now 36).`,
    ]);

    await paste(member, 'firstName', 'Bartholomew-'.repeat(9).slice(0, 106));
    expect(errors(member)).toEqual([`Use at most ${NAME_MAX_LENGTH} characters (now 106).`]);
  });

  it('a name of only spaces counts as empty, in the form\'s own words, not the API\'s "must not be blank"', async () => {
    const client = await renderStable(AddClientDialog);
    await fillAndSubmit(client, { name: '   ', code: '  ' });
    http.expectNone('/api/clients');
    expect(errors(client)).toEqual(["Enter the client's name.", 'Enter a client code.']);

    const added = await renderStable(AddMemberDialog);
    await fillAndSubmit(added, { ...member, firstName: ' ', lastName: '\t ', password: 'long-password-1' });
    http.expectNone('/api/practice/users');
    expect(errors(added)).toEqual(['Enter a first name.', 'Enter a last name.']);
  });

  it('Add member calls the password what it is, and promises no change that never happens', async () => {
    const fixture = await renderStable(AddMemberDialog);
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text).toContain('Password');
    expect(text).toContain('Share it in person or by phone, not by email.');
    expect(text.toLowerCase()).not.toContain('temporary');
  });

  it('Add member and Add client send one request while the first is in flight (a double click submits twice)', async () => {
    const again = async (fixture: ComponentFixture<unknown>): Promise<void> => {
      (fixture.nativeElement as HTMLElement)
        .querySelector('form')
        ?.dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
    };
    const memberForm = await renderStable(AddMemberDialog);
    await fillAndSubmit(memberForm, { ...member, password: 'P'.repeat(PASSWORD_MIN_LENGTH) });
    await again(memberForm);
    http.expectOne({ method: 'POST', url: '/api/practice/users' });

    const clientForm = await renderStable(AddClientDialog);
    await fillAndSubmit(clientForm, { name: 'Northside Bakery', code: 'NS001' });
    await again(clientForm);
    http.expectOne({ method: 'POST', url: '/api/clients' });
  });
});
