import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** One `affdash` command: its usage lines and the flags it takes (every one also takes --help). */
export interface Command {
  usage: string;
  options: Options;
}

const apiKey = { 'api-key': { type: 'string' } } as const;
const emailOptions = {
  ...apiKey,
  offer: { type: 'string' },
  member: { type: 'string', multiple: true },
  subject: { type: 'string' },
  'body-file': { type: 'string' },
  send: { type: 'boolean' },
  'idempotency-key': { type: 'string' },
  status: { type: 'string' },
  'test-to': { type: 'string' },
  locale: { type: 'string' },
} as const;

const serverEnv = 'PORT, HOST, PUBLIC_URL, DATABASE_URL, AFFDASH_DATA_DIR, AFFDASH_SECRET, SMTP_URL, EMAIL_FROM';

export const commands = {
  serve: {
    usage: `affdash serve [--workers N]   start the API, email and webhook delivery and auto-approval
                                (${serverEnv}); N processes (default: one per core; one without
                                DATABASE_URL: the embedded database has one owner)`,
    options: { workers: { type: 'string' } },
  },
  migrate: { usage: 'affdash migrate               apply pending database migrations', options: {} },
  demo: {
    usage: 'affdash demo [--serve]        seed the demo brand and print its links (and keep serving with --serve)',
    options: { serve: { type: 'boolean' } },
  },
  'create-brand': {
    usage: 'affdash create-brand --name N create a brand and print its first API key (shown once)',
    options: { name: { type: 'string' } },
  },
  enroll: {
    usage: `affdash enroll --offer ID (--csv FILE | --member ID ...) [--prefix P] [--pattern PAT] [--idempotency-key K]
                                enroll members in bulk; prints a CSV of codes and links. CSV columns:
                                memberId[,promoCode], or name,email[,externalId][,promoCode] to create the member`,
    options: {
      ...apiKey,
      offer: { type: 'string' },
      csv: { type: 'string' },
      member: { type: 'string', multiple: true },
      prefix: { type: 'string' },
      pattern: { type: 'string' },
      'idempotency-key': { type: 'string' },
    },
  },
  'rotate-link': {
    usage: `affdash rotate-link --enrollment ID [--idempotency-key K]
                                replace a member's dashboard link (the old one stops working)`,
    options: { ...apiKey, enrollment: { type: 'string' }, 'idempotency-key': { type: 'string' } },
  },
  email: {
    usage: `affdash email tracking-items --offer ID --member ID ... [--subject S] [--body-file F] [--send] [--idempotency-key K]
  affdash email members-message --offer ID [--subject S] [--body-file F] [--send] [--idempotency-key K]
                                preview (default) or queue the email; prints each rendered message or what was queued
  affdash email tracking-items|members-message --offer ID --test-to EMAIL [--locale L] [--subject S] [--body-file F]
                                send me a test: the email for a sample member, sent now to EMAIL (SMTP_URL, else an
                                .eml file), in language L or the brand's; not queued, not counted as a send
  affdash email status [--offer ID] [--status queued|sent|failed] [--member ID]
  affdash email message ID      one message's status`,
    options: emailOptions,
  },
  'brand-profile': {
    usage: `affdash brand-profile [--brand ID] [--display-name N] [--logo URL] [--accent #RRGGBB] [--accent-text #RRGGBB]
                        [--font F] [--theme light|dark|auto] [--locale en|de|es|fr|pt] [--sender-name N]
                        [--reply-to EMAIL] [--postal-address A] [--ended-access closed|read_only]
                                show or change the brand profile (an empty value clears a field); --brand ID
                                works on the database directly, without an API key; --ended-access read_only
                                keeps ended enrollments' dashboards open, read-only`,
    options: {
      ...apiKey,
      brand: { type: 'string' },
      'display-name': { type: 'string' },
      logo: { type: 'string' },
      accent: { type: 'string' },
      'accent-text': { type: 'string' },
      font: { type: 'string' },
      theme: { type: 'string' },
      locale: { type: 'string' },
      'sender-name': { type: 'string' },
      'reply-to': { type: 'string' },
      'postal-address': { type: 'string' },
      'ended-access': { type: 'string' },
    },
  },
  'console-link': {
    usage: `affdash console-link [--staff-id ID] [--staff-name NAME] [--staff-email E] [--offer ID[,ID]] [--components offers,members,send]
                                a one-time link that opens the hosted console (valid 15 minutes)`,
    options: {
      ...apiKey,
      offer: { type: 'string' },
      'staff-id': { type: 'string' },
      'staff-name': { type: 'string' },
      'staff-email': { type: 'string' },
      components: { type: 'string' },
    },
  },
  deliver: {
    usage: `affdash deliver               do once what serve does all along: approve conversions whose hold period is over,
                                deliver member email (SMTP_URL, else .eml files) and webhooks, and delete webhook
                                events past AFFDASH_WEBHOOK_RETENTION_DAYS (30) and idempotency keys past 24 h`,
    options: {},
  },
} satisfies Record<string, Command>;

export type CommandName = keyof typeof commands;

/** Commands that act for one brand, with its API key. */
export const brandCommandNames: readonly CommandName[] = ['enroll', 'rotate-link', 'email', 'brand-profile', 'console-link'];

export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}

export const usage = `affdash — affiliate dashboard API

Usage:
  ${(['serve', 'migrate', 'demo', 'create-brand'] as const).map((c) => commands[c].usage).join('\n  ')}

Brand commands (run against the configured database with a brand's API key: --api-key or AFFDASH_API_KEY):
  ${(['enroll', 'rotate-link', 'email', 'brand-profile', 'deliver'] as const).map((c) => commands[c].usage).join('\n  ')}
  Every request that creates something carries an Idempotency-Key: derived from --idempotency-key K when given
  (run the same command with the same K again and nothing is created twice), else a fresh one.

  affdash --version             print the version
  affdash <command> --help      one command's usage
`;

/** The usage of one command. */
export function commandUsage(name: CommandName): string {
  return `Usage:\n  ${commands[name].usage}\n`;
}

/** Commands that take words after them (`affdash email status`). */
const takesArguments = new Set<CommandName>(['email']);

/** The command's flags, checked strictly: an unknown or incomplete flag is a usage error. */
export function parseCommand(command: CommandName, args: string[]): { values: Record<string, unknown>; positionals: string[] } {
  const help = `affdash ${command} --help`;
  try {
    const parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { ...commands[command].options, help: { type: 'boolean', short: 'h' } },
    });
    const extra = parsed.positionals[0];
    if (extra !== undefined && !takesArguments.has(command)) {
      throw new UsageError(`${command} takes no argument "${extra}"`, help);
    }
    return parsed;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS_')) throw error;
    const flag = /'(-[^' ]+)/.exec((error as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option "${flag}" for ${command}`, help);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const message = (error as Error).message;
      const option = flag || 'an option';
      // `--offer --api-key K`: the next word is a flag, not --offer's value
      if (/ambiguous/.test(message)) {
        throw new UsageError(`${option} of ${command} needs a value before the next flag (one starting with a dash: ${option}=-…)`, help);
      }
      throw new UsageError(`${option} of ${command} ${/argument missing/.test(message) ? 'needs a value' : 'takes no value'}`, help);
    }
    throw new UsageError(`${command}: ${(error as Error).message}`, help);
  }
}
