import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

/** A message ready to hand to a transport. */
export interface OutgoingEmail {
  /** The outbox id; also the .eml file's name. */
  id: string;
  from: { name: string; address: string };
  /** The brand's reply-to address, when it has one. */
  replyTo?: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** More headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` on bulk mail. */
  headers?: Record<string, string>;
}

/** Where delivered messages go: an SMTP server, or .eml files in a folder. */
export interface Mailer {
  /** For people reading the console: `SMTP at mail.example.com:587`, `.eml files in …`. */
  readonly description: string;
  /** Delivers one message; rejects when it was not accepted. */
  send(message: OutgoingEmail): Promise<{ providerId: string }>;
  close(): void;
}

function mailOptions(m: OutgoingEmail) {
  return {
    from: m.from,
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    headers: { ...m.headers, 'X-Affdash-Message-Id': m.id },
  };
}

/**
 * Delivers through an SMTP server, e.g. `smtp://user:pass@mail.example.com:587` or
 * `smtps://…:465`; nodemailer's URL options (`?pool=true`, …) apply.
 */
export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as SMTPTransport.Options);
  const parsed = new URL(url);
  return {
    description: `SMTP at ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`,
    async send(message) {
      const info = await transport.sendMail(mailOptions(message));
      if (info.rejected.length) throw new Error(`the server refused ${info.rejected.join(', ')}`);
      return { providerId: info.messageId };
    },
    close: () => transport.close(),
  };
}

/** Writes each message as `<dir>/<id>.eml` (RFC 5322, text and HTML parts), for local use. */
export function fileMailer(dir: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    description: `.eml files in ${dir}`,
    async send(message) {
      const info = await transport.sendMail(mailOptions(message));
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${message.id}.eml`);
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
      return { providerId: info.messageId };
    },
    close: () => transport.close(),
  };
}
