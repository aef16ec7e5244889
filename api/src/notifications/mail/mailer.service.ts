import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

/** Sends email over SMTP (nodemailer); without SMTP_URL it writes each email to the log instead. */
@Injectable()
export class MailerService implements OnApplicationShutdown {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  async send(email: OutgoingEmail): Promise<void> {
    if (!this.transport) {
      this.logger.log(`Email (no SMTP_URL set, not sent) to ${email.to}: ${email.subject}\n${email.text}`);
      return;
    }
    await this.transport.sendMail({ from: this.config.mailFrom, ...email });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
