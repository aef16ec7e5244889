import { describe, expect, it } from '@jest/globals';
import { CLIENT_CODE_MAX_LENGTH, CLIENT_NAME_MAX_LENGTH } from '@practice-cloud/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateClientDto } from './create-client.dto.js';

/** The fields the API refuses in this body: the limits are the contracts' ones, which the portal's form checks too. */
function refusedFields(body: { name: string; code: string }): string[] {
  return validateSync(plainToInstance(CreateClientDto, body)).map((error) => error.property);
}

describe('CreateClientDto', () => {
  it('accepts a name and a code at the shared maximum lengths', () => {
    expect(refusedFields({ name: 'N'.repeat(CLIENT_NAME_MAX_LENGTH), code: 'C'.repeat(CLIENT_CODE_MAX_LENGTH) })).toEqual([]);
  });

  it('refuses a name or a code one character longer', () => {
    expect(refusedFields({ name: 'N'.repeat(CLIENT_NAME_MAX_LENGTH + 1), code: 'ACME01' })).toEqual(['name']);
    expect(refusedFields({ name: 'Acme', code: 'C'.repeat(CLIENT_CODE_MAX_LENGTH + 1) })).toEqual(['code']);
  });

  it('refuses a name with control or text-direction characters, which could disguise it in the Client List', () => {
    for (const name of ['Invoice \u202Egnp.exe', 'Nul\u0000Byte', 'Bell\u0007', 'Isolate \u2067x']) {
      expect(refusedFields({ name, code: 'ACME01' })).toEqual(['name']);
    }
    expect(refusedFields({ name: 'Ünïcødé & Søns (Pty) Ltd — 株式会社', code: 'ACME01' })).toEqual([]);
  });

  it('refuses a code with letters outside A-Z', () => {
    expect(refusedFields({ name: 'Acme', code: 'ÜNI' })).toEqual(['code']);
  });

  it('refuses a code that starts with punctuation, and allows spaces around it', () => {
    expect(refusedFields({ name: 'Acme', code: '-ACME' })).toEqual(['code']);
    expect(refusedFields({ name: 'Acme', code: ' ACME01 ' })).toEqual([]);
  });
});
