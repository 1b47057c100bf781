import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the test SMTP server accepted, parsed. */
export interface Received {
  from: string;
  to: string[];
  raw: string;
  mail: ParsedMail;
}

/** How the server answers, changeable while it runs. */
export type SmtpMode = 'accept' | 'refuse-recipient' | 'refuse-data' | 'drop';

export interface TestSmtp {
  url: string;
  port: number;
  received: Received[];
  mode: SmtpMode;
  close(): Promise<void>;
}

/**
 * A real SMTP server process on 127.0.0.1 (port 0), plain text, no auth, that keeps what it
 * accepts. `mode` makes it refuse recipients, refuse the message data, or drop the connection.
 */
export async function startSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '',
    port: 0,
    received: [],
    mode: 'accept',
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, session, callback) {
      if (state.mode === 'refuse-recipient') {
        const error = new Error('mailbox unavailable, try later') as Error & { responseCode: number };
        error.responseCode = 450;
        return callback(error);
      }
      if (state.mode === 'drop') {
        // close the client's connection mid-transaction
        (server as unknown as { connections: Set<{ _socket: { destroy(): void } }> }).connections.forEach((c) =>
          c._socket.destroy(),
        );
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.mode === 'refuse-data') {
          const error = new Error('message refused') as Error & { responseCode: number };
          error.responseCode = 554;
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (mail) => {
            state.received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw,
              mail,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  state.port = port;
  state.url = `smtp://127.0.0.1:${port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
