import { Injectable } from '@nestjs/common';

/** The server's time, in one place so unit tests can freeze it. TOTP always uses server time, never the client's. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
