import { describe, expect, it } from '@jest/globals';
import { BACKUP_CODES_PER_SET, canonicalBackupCode, looksLikeBackupCode, newBackupCode, newBackupCodeSet } from './backup-codes.js';

describe('backup codes', () => {
  it('come ten to a set, all different, in groups of four', () => {
    const set = newBackupCodeSet();
    expect(set).toHaveLength(BACKUP_CODES_PER_SET);
    expect(new Set(set).size).toBe(BACKUP_CODES_PER_SET);
    for (const code of set) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('carry at least 64 bits of randomness (16 symbols of a 32-letter alphabet)', () => {
    const symbols = canonicalBackupCode(newBackupCode()).length;
    expect(symbols * Math.log2(32)).toBeGreaterThanOrEqual(64);
  });

  it('are spread over the whole alphabet (no stuck positions)', () => {
    const seen = new Set(Array.from({ length: 400 }, () => canonicalBackupCode(newBackupCode())).join(''));
    expect(seen.size).toBe(32);
  });

  it('are read in any case, with or without spaces and hyphens', () => {
    const code = newBackupCode();
    const canonical = canonicalBackupCode(code);
    for (const typed of [code, code.toLowerCase(), canonical, code.replace(/-/g, ' '), ` ${code.toLowerCase().replace(/-/g, '')} `]) {
      expect(canonicalBackupCode(typed)).toBe(canonical);
      expect(looksLikeBackupCode(typed)).toBe(true);
    }
  });

  it('turn away what cannot be a backup code before any hashing', () => {
    for (const typed of ['', '123456', 'ABCD-EFGH-JKMN', 'ABCD-EFGH-JKMN-PQRSX', 'ILOU-ILOU-ILOU-ILOU']) {
      expect(looksLikeBackupCode(typed)).toBe(false);
    }
  });
});
