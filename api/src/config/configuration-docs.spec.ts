import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { composeEnvironment } from '../../../test/support/compose-file.js';

/** The variables loadConfig reads, from its source: every `env.NAME`. */
const read = [...new Set([...readFileSync('api/src/config/app-config.ts', 'utf8').matchAll(/\benv\.([A-Z][A-Z_]+)/g)].map((m) => m[1]))].sort();

describe('the documented configuration is what the code reads', () => {
  it('finds the variables in the code (a sanity check of the reader)', () => {
    expect(read).toEqual(expect.arrayContaining(['DATABASE_URL', 'DATA_ENCRYPTION_KEY', 'REDIS_URL', 'SIGN_IN_LIMIT_PER_IP']));
  });

  it("the README's Configuration table lists exactly those", () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('\n## Configuration'), readme.indexOf('\n## ', readme.indexOf('\n## Configuration') + 1));
    const documented = [...section.matchAll(/^\| `([A-Z][A-Z_]+)` \|/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(read);
  });

  it('.env.example lists exactly those', () => {
    const example = [...readFileSync('.env.example', 'utf8').matchAll(/^([A-Z][A-Z_]+)=/gm)].map((m) => m[1]).sort();
    expect(example).toEqual(read);
  });

  it("the compose file's app sets only variables the code reads", () => {
    const environment = Object.keys(composeEnvironment('app'));
    expect(environment.length).toBeGreaterThan(5);
    expect(read).toEqual(expect.arrayContaining(environment));
  });

  it("the compose file's e2e service sets only what the test support reads", () => {
    const support = ['test/support/test-app.ts', 'test/support/api-contract.ts'].map((file) => readFileSync(file, 'utf8')).join('\n');
    for (const name of Object.keys(composeEnvironment('e2e'))) expect(support).toContain(`process.env.${name}`);
  });
});
