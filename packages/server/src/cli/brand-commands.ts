import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  BrandProfileUpdate,
  type BrandProfile,
  type EmailMessage,
  type EmailPreview,
  type EmailSendResult,
  type EmailTestResult,
  type EnrollmentBulkResult,
  type Page,
} from '@affdash/core';
import { createApp } from '../app.js';
import { brandProfile, updateBrandProfile } from '../brand-profile/index.js';
import { approveDue } from '../conversions/approval.js';
import { mailerFromConfig } from '../email/delivery.js';
import { deliverEmails } from '../email/worker.js';
import { IDEMPOTENCY_KEY_HOURS, pruneIdempotencyKeys } from '../http/idempotency.js';
import { pruneWebhookLog } from '../webhooks/retention.js';
import { deliverWebhooks } from '../webhooks/worker.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { csvLine, csvRecords } from './csv.js';
import { CliError } from './errors.js';

interface Api {
  /** `key`: the Idempotency-Key of a POST or PATCH; a fresh one when absent. */
  call<T>(method: string, path: string, body?: unknown, key?: string): Promise<T>;
}

/** The Idempotency-Key of one request of a command: `K` or `K:part` from `--idempotency-key K`. */
export function commandKey(base: string | undefined, ...part: (string | number)[]): string | undefined {
  return base === undefined ? undefined : [base, ...part].join(':');
}

export function inProcessApi(runtime: Pick<Runtime, 'deps'>, apiKey: string): Api {
  const app = createApp(runtime.deps);
  return {
    async call<T>(method: string, path: string, body?: unknown, key?: string) {
      const writes = method === 'POST' || method === 'PATCH';
      const res = await app.request(path, {
        method,
        headers: {
          authorization: `Bearer ${apiKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(writes ? { 'idempotency-key': key ?? `affdash-cli-${randomUUID()}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const json = (await res.json()) as { error?: { message: string; details?: unknown } };
      if (!res.ok) {
        const details = json.error?.details ? ` ${JSON.stringify(json.error.details)}` : '';
        throw new CliError(`${res.status} ${json.error?.message ?? 'request failed'}${details}`);
      }
      return json as T;
    },
  };
}

const out = (line: string) => process.stdout.write(`${line}\n`);

export interface BrandCommandValues {
  'api-key'?: string;
  offer?: string;
  csv?: string;
  member?: string[];
  prefix?: string;
  pattern?: string;
  enrollment?: string;
  subject?: string;
  'body-file'?: string;
  send?: boolean;
  'idempotency-key'?: string;
  status?: string;
  'test-to'?: string;
  locale?: string;
  brand?: string;
  'display-name'?: string;
  logo?: string;
  accent?: string;
  'accent-text'?: string;
  font?: string;
  theme?: string;
  'sender-name'?: string;
  'reply-to'?: string;
  'postal-address'?: string;
  'ended-access'?: string;
  'staff-id'?: string;
  'staff-name'?: string;
  'staff-email'?: string;
  components?: string;
}

/** The profile field each `brand-profile` option sets. */
const profileOptions = {
  'display-name': 'displayName',
  logo: 'logoUrl',
  accent: 'accentColor',
  'accent-text': 'accentTextColor',
  font: 'fontFamily',
  theme: 'theme',
  locale: 'defaultLocale',
  'sender-name': 'emailSenderName',
  'reply-to': 'replyTo',
  'postal-address': 'postalAddress',
  'ended-access': 'endedEnrollmentAccess',
} as const satisfies Partial<Record<keyof BrandCommandValues, keyof BrandProfileUpdate>>;

/** Runs one brand command (or `deliver`); the database is opened and closed here. */
export async function runBrandCommand(command: string, positionals: string[], values: BrandCommandValues): Promise<void> {
  const [sub, arg] = positionals;
  const runtime = await openRuntime();
  try {
    if (command === 'deliver') {
      // first: the approvals' webhook events and emails go out in the same round
      out(`approval: approved ${await approveDue(runtime.db)} conversions whose hold period is over`);
      const mailer = mailerFromConfig(runtime.config);
      try {
        const report = await deliverEmails({
          db: runtime.db,
          mailer,
          links: runtime.deps.links,
          fromAddress: runtime.config.emailFrom,
        });
        out(`email: sent ${report.sent}, retrying ${report.retrying}, failed ${report.failed} (${mailer.description})`);
      } finally {
        mailer.close();
      }
      const hooks = await deliverWebhooks(
        { db: runtime.db, keys: runtime.deps.keys },
        { allowPrivateNetworks: runtime.config.webhookPrivateNetworks },
      );
      out(`webhooks: delivered ${hooks.delivered}, retrying ${hooks.retrying}, failed ${hooks.failed}`);
      const days = runtime.config.webhookRetentionDays;
      const pruned = await pruneWebhookLog(runtime.db, { before: new Date(Date.now() - days * 86_400_000) });
      out(`webhook log: deleted ${pruned.events} events and ${pruned.deliveries} deliveries ended over ${days} days ago`);
      out(`idempotency keys: deleted ${await pruneIdempotencyKeys(runtime.db)} over ${IDEMPOTENCY_KEY_HOURS} hours old`);
      return;
    }
    if (command === 'brand-profile' && values.brand) {
      const patch = profilePatch(values);
      const db = runtime.db;
      printProfile(patch ? await updateBrandProfile(db, values.brand, patch) : await brandProfile(db, values.brand));
      return;
    }
    const apiKey = values['api-key'] ?? process.env.AFFDASH_API_KEY;
    if (!apiKey) throw new CliError('give the brand API key with --api-key or AFFDASH_API_KEY');
    const api = inProcessApi(runtime, apiKey);
    const need = (name: keyof typeof values, what: string) => {
      const v = values[name];
      if (typeof v !== 'string' || !v) throw new CliError(`${what} needs --${name}`);
      return v;
    };
    switch (command) {
      case 'enroll':
        return await enroll(api, need('offer', 'enroll'), values);
      case 'rotate-link': {
        const e = await api.call<{ id: string; dashboardUrl: string }>(
          'POST',
          `/v1/enrollments/${encodeURIComponent(need('enrollment', 'rotate-link'))}/rotate-dashboard-link`,
          undefined,
          values['idempotency-key'],
        );
        out(`${e.id} ${e.dashboardUrl}`);
        return;
      }
      case 'email':
        return await email(api, sub, arg, values, need);
      case 'console-link': {
        const user = values['staff-id'] ?? process.env.USER ?? 'cli';
        const link = await api.call<{ loginUrl: string; expiresAt: string }>('POST', '/v1/brand-sessions', {
          return: 'login_url',
          staff: {
            id: user,
            name: values['staff-name'] ?? user,
            ...(values['staff-email'] ? { email: values['staff-email'] } : {}),
          },
          ...(values.offer ? { offerIds: values.offer.split(',').map((o) => o.trim()) } : {}),
          ...(values.components ? { components: values.components.split(',').map((c) => c.trim()) } : {}),
        });
        out(link.loginUrl);
        process.stderr.write(`opens the console once, until ${link.expiresAt}\n`);
        return;
      }
      case 'brand-profile': {
        const patch = profilePatch(values);
        printProfile(await api.call<BrandProfile>(patch ? 'PATCH' : 'GET', '/v1/brand/profile', patch ?? undefined));
        return;
      }
      default:
        throw new CliError(`unknown command "${command}"`);
    }
  } finally {
    await runtime.db.close();
  }
}

/** The change the profile options ask for (an empty value clears the field), or null for none. */
function profilePatch(values: BrandCommandValues): BrandProfileUpdate | null {
  const patch: Record<string, string | null> = {};
  for (const [option, field] of Object.entries(profileOptions)) {
    const value = values[option as keyof typeof profileOptions];
    if (value !== undefined) patch[field] = value === '' ? null : value.replace(/\\n/g, '\n');
  }
  if (!Object.keys(patch).length) return null;
  const parsed = BrandProfileUpdate.safeParse(patch);
  if (!parsed.success) {
    throw new CliError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

function printProfile(profile: BrandProfile) {
  for (const [field, value] of Object.entries(profile)) out(`${field}: ${value === null ? '-' : JSON.stringify(value)}`);
}

export async function enroll(
  api: Api,
  offerId: string,
  values: { csv?: string; member?: string[]; prefix?: string; pattern?: string; 'idempotency-key'?: string },
) {
  const key = values['idempotency-key'];
  const items: { memberId: string; promoCode?: string }[] = [];
  if (values.csv) {
    for (const [i, record] of csvRecords(await readFile(values.csv, 'utf8')).entries()) {
      let memberId = record.memberId ?? record.member_id ?? '';
      if (!memberId) {
        if (!record.name) throw new CliError(`${values.csv} line ${i + 2}: give memberId, or name (and email) to create the member`);
        const member = await api.call<{ id: string }>('POST', '/v1/members', {
          name: record.name,
          ...(record.email ? { email: record.email } : {}),
          ...(record.externalId ? { externalId: record.externalId } : {}),
        }, commandKey(key, 'member', i + 2));
        memberId = member.id;
      }
      const promoCode = record.promoCode ?? record.promo_code;
      items.push({ memberId, ...(promoCode ? { promoCode } : {}) });
    }
  }
  for (const memberId of values.member ?? []) items.push({ memberId });
  if (!items.length) throw new CliError('enroll needs --csv FILE or --member ID');
  out(csvLine(['memberId', 'status', 'enrollmentId', 'promoCode', 'trackingUrl', 'dashboardUrl', 'error']));
  let created = 0;
  let failed = 0;
  for (let i = 0; i < items.length; i += 1000) {
    const result = await api.call<EnrollmentBulkResult>('POST', '/v1/enrollments/bulk', {
      offerId,
      members: items.slice(i, i + 1000),
      ...(values.prefix ? { codePrefix: values.prefix } : {}),
      ...(values.pattern ? { codePattern: values.pattern } : {}),
    }, commandKey(key, 'enroll', i / 1000 + 1));
    created += result.created;
    failed += result.failed;
    for (const r of result.results) {
      out(
        r.status === 'created'
          ? csvLine([r.memberId, r.status, r.enrollment.id, r.enrollment.promoCode, r.enrollment.trackingUrl, r.enrollment.dashboardUrl, ''])
          : csvLine([r.memberId, r.status, '', '', '', '', `${r.error.code}: ${r.error.message}`]),
      );
    }
  }
  process.stderr.write(`${created} enrolled, ${failed} failed\n`);
  if (failed) process.exitCode = 1;
}

async function email(
  api: Api,
  sub: string | undefined,
  arg: string | undefined,
  values: BrandCommandValues,
  need: (name: 'offer', what: string) => string,
) {
  if (sub === 'status') {
    const query = new URLSearchParams({ limit: '100' });
    if (values.offer) query.set('offerId', values.offer);
    if (values.status) query.set('status', values.status);
    if (values.member?.[0]) query.set('memberId', values.member[0]);
    let cursor: string | null = null;
    do {
      if (cursor) query.set('cursor', cursor);
      const page: Page<EmailMessage> = await api.call('GET', `/v1/emails/messages?${query}`);
      for (const m of page.data) {
        out(`${m.id} ${m.status} attempts=${m.attempts} to=${m.to}${m.nextAttemptAt ? ` next=${m.nextAttemptAt}` : ''}${m.lastError ? ` error=${JSON.stringify(m.lastError)}` : ''}`);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return;
  }
  if (sub === 'message') {
    if (!arg) throw new CliError('email message needs the message id');
    out(JSON.stringify(await api.call('GET', `/v1/emails/messages/${encodeURIComponent(arg)}`), null, 2));
    return;
  }
  if (sub !== 'tracking-items' && sub !== 'members-message') {
    throw new CliError('email needs tracking-items, members-message, status or message');
  }
  const offerId = need('offer', `email ${sub}`);
  const template = {
    ...(values.subject ? { subject: values.subject } : {}),
    ...(values['body-file'] ? { body: await readFile(values['body-file'], 'utf8') } : {}),
  };
  const base = `/v1/offers/${encodeURIComponent(offerId)}/emails/${sub}`;
  if (values['test-to']) {
    const test = { to: values['test-to'], ...(values.locale ? { locale: values.locale } : {}), ...template };
    const result = await api.call<EmailTestResult>('POST', `${base}/test`, test);
    out(`sent a test to ${result.to}: ${result.subject}`);
    return;
  }
  const body = {
    ...(sub === 'tracking-items' ? { memberIds: (values.member ?? []).flatMap((m) => m.split(',')).filter(Boolean) } : {}),
    ...template,
  };
  const skippedLines = (skipped: EmailPreview['skipped']) =>
    skipped.forEach((s) => out(`skipped ${s.memberId}: ${s.reason} (${s.message})`));
  if (!values.send) {
    const preview = await api.call<EmailPreview>('POST', `${base}/preview`, body);
    for (const e of preview.emails) {
      out(`To: ${e.to}\nSubject: ${e.subject}\nContent-Language: ${e.language}\n\n${e.text}\n${'-'.repeat(60)}`);
    }
    skippedLines(preview.skipped);
    process.stderr.write(`${preview.emails.length} to send, ${preview.skipped.length} skipped; add --send to queue them\n`);
    return;
  }
  const result = await api.call<EmailSendResult>('POST', `${base}/send`, body, values['idempotency-key']);
  for (const q of result.queued) out(`queued ${q.messageId} to ${q.to}`);
  skippedLines(result.skipped);
  process.stderr.write(`${result.queued.length} queued, ${result.skipped.length} skipped\n`);
}
