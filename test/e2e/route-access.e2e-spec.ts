import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { ADMIN_ONLY, ALLOW_WITHOUT_TWO_FACTOR, IS_PUBLIC } from '../../api/src/common/auth/access-policy.decorators.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every route and the access decision it carries. A new route, or a changed decision, fails this test until the
 * table below is updated: reviewers read a change here as a permission change.
 *
 *   public       no session needed
 *   session      a signed-in session; reachable while 2FA enrolment is outstanding (to enable it, read notices)
 *   compliant    a signed-in session and 2FA compliance (the default)
 *   admin        compliant, and a practice administrator
 */
const EXPECTED = `
DELETE /api/practice/users/:id/two-factor  admin
DELETE /api/profile/trusted-devices/:id    session
GET    /api/clients                        compliant
GET    /api/clients/:id                    compliant
GET    /api/health                         public
GET    /api/health/live                    public
GET    /api/health/ready                   public
GET    /api/notifications                  session
GET    /api/practice/settings              admin
GET    /api/practice/users                 admin
GET    /api/profile                        session
GET    /api/profile/trusted-devices        session
PATCH  /api/practice/settings              admin
POST   /api/auth/login                     public
POST   /api/auth/login/two-factor          public
POST   /api/auth/logout                    session
POST   /api/clients                        compliant
POST   /api/notifications/:id/read         session
POST   /api/practice/users                 admin
POST   /api/profile/password               session
POST   /api/profile/two-factor/backup-codes session
POST   /api/profile/two-factor/disable     session
POST   /api/profile/two-factor/enable      session
POST   /api/profile/two-factor/setup       session
POST   /api/profile/two-factor/verify      session
`;

describe('route access decisions', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ database: 'sqlite' });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('match the reviewed table, route for route', () => {
    expect(routeTable(testApp)).toEqual(parse(EXPECTED));
  });
});

function routeTable(testApp: TestApp): string[] {
  const reflector = testApp.app.get(Reflector);
  const rows: string[] = [];
  for (const module of testApp.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name] as object;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined || typeof handler !== 'function') continue;
        const path = `/api/${[base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')].filter((p) => p && p !== '/').join('/')}`;
        const flag = (key: string) => reflector.getAllAndOverride<boolean>(key, [handler as () => void, controller]) === true;
        const decision = flag(IS_PUBLIC)
          ? 'public'
          : flag(ADMIN_ONLY)
            ? 'admin'
            : flag(ALLOW_WITHOUT_TWO_FACTOR)
              ? 'session'
              : 'compliant';
        rows.push(`${RequestMethod[method]} ${path.replace(/\/+/g, '/')} ${decision}`);
      }
    }
  }
  return rows.sort();
}

function parse(table: string): string[] {
  return table
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).join(' '))
    .sort();
}
