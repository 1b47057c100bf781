import type { EmailMessage, OfferMember } from '@affdash/core';
import { http, HttpResponse } from 'msw';
import { worker } from './mock-api.js';

export const BRAND_API = 'https://brand.affdash.test';
export const OFFER_ID = 'off_spring1';

/** A fake of the `/v1` routes the brand components use, with state a test can read. */
export interface FakeBrandApi {
  members: OfferMember[];
  /** Requests by "METHOD path", in order. */
  calls: string[];
  /** Their full URLs. */
  urls: string[];
  /** Bodies and idempotency keys of send requests. */
  sends: { body: any; key: string | null }[];
  tests: any[];
  messages: EmailMessage[];
  secrets: string[];
  /** Answer the next request with 401 once (an expired secret). */
  expireNext: boolean;
  /** Drop the connection of the next send, after recording it (a lost answer). */
  failNextSend: boolean;
}

const member = (n: number, over: Partial<OfferMember> = {}): OfferMember => ({
  memberId: `mem_${n}`,
  enrollmentId: `enr_${n}`,
  name: ['Ana Silva', 'Ben Okafor', 'Cy Tran', 'Dee Park', 'Eve Moreau'][n - 1] ?? `Member ${n}`,
  email: `m${n}@example.com`,
  emailOptOut: false,
  status: 'active',
  promoCode: `SPRING-M${n}`,
  trackingUrl: `https://go.example/t/slug${n}`,
  dashboardUrl: `https://go.example/d/secret${n}`,
  lastEmailedAt: null,
  enrolledAt: new Date(Date.UTC(2026, 10, n)).toISOString(),
  ...over,
});

export function defaultMembers(): OfferMember[] {
  return [
    member(1, { lastEmailedAt: '2026-11-20T10:00:00.000Z' }),
    member(2),
    member(3, { email: null }),
    member(4, { emailOptOut: true }),
    member(5, { status: 'paused' }),
  ];
}

const TEMPLATE = { subject: 'Your {{offer_name}} code from {{brand_name}}', body: 'Hi {{member_name}},\n\nCode: {{promo_code}}\nLink: {{tracking_link}}\nDashboard: {{dashboard_link}}' };
/** The default text in each member's language, as the server keeps it: Ben Okafor reads German. */
const DEFAULTS: Record<string, typeof TEMPLATE> = {
  en: TEMPLATE,
  de: { subject: 'Dein {{offer_name}}-Code von {{brand_name}}', body: 'Hallo {{member_name}},\n\nCode: {{promo_code}}\nLink: {{tracking_link}}\nDashboard: {{dashboard_link}}' },
};
const languageOf = (m: OfferMember) => (m.memberId === 'mem_2' ? 'de' : 'en');
/** The brand's subject and body where it sent them, else the default in the member's language. */
const textFor = (body: { subject?: string; body?: string }, m: OfferMember) => ({
  subject: body.subject ?? DEFAULTS[languageOf(m)]!.subject,
  body: body.body ?? DEFAULTS[languageOf(m)]!.body,
});
const KNOWN = ['member_name', 'offer_name', 'brand_name', 'promo_code', 'tracking_link', 'dashboard_link'];

function values(m: OfferMember): Record<string, string> {
  return {
    member_name: m.name,
    offer_name: 'Spring',
    brand_name: 'Glow',
    promo_code: m.promoCode,
    tracking_link: m.trackingUrl,
    dashboard_link: m.dashboardUrl,
  };
}
const render = (t: string, v: Record<string, string>) => t.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_, k: string) => v[k] ?? '');
const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The HTML part as the server lays it out: the text as paragraphs, the dashboard link as words, a button to it. */
function renderHtml(body: string, v: Record<string, string>): string {
  const paragraphs = escapeHtml(render(body, { ...v, dashboard_link: '\u0000' }))
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>').replace('\u0000', `<a href="${escapeHtml(v.dashboard_link!)}">your dashboard</a>`)}</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(v.offer_name!)}</title></head>
<body style="margin:0;background:#f3f4f6;font-family:Helvetica, Arial, sans-serif"><div style="max-width:600px;margin:0 auto;background:#fff;padding:28px">
${paragraphs.join('\n')}
<div data-code style="border:2px dashed #0b6e4f;padding:16px;text-align:center;font-family:monospace">${escapeHtml(v.promo_code!)}</div>
<a data-button href="${escapeHtml(v.dashboard_link!)}" target="_blank" style="display:inline-block;background:#0b6e4f;color:#ffffff;padding:14px 28px">Open your dashboard</a>
</div></body></html>`;
}
const error = (status: number, code: string, message: string, details?: unknown) =>
  HttpResponse.json({ error: { code, message, ...(details ? { details } : {}) } }, { status });

/** Installs the fake; each call gets a fresh state. */
export function serveBrandApi(members = defaultMembers()): FakeBrandApi {
  const api: FakeBrandApi = { members, calls: [], urls: [], sends: [], tests: [], messages: [], secrets: [], expireNext: false, failNextSend: false };
  const base = `${BRAND_API}/v1`;
  const sendResults = new Map<string, unknown>();
  const authed = (request: Request) => {
    api.secrets.push(request.headers.get('authorization') ?? '');
    api.calls.push(`${request.method} ${new URL(request.url).pathname}`);
    api.urls.push(request.url);
    if (api.expireNext) {
      api.expireNext = false;
      return error(401, 'token_expired', 'The brand session expired');
    }
    return null;
  };
  const recipients = (kind: string, memberIds?: string[]) =>
    kind === 'members-message' ? api.members.filter((m) => m.status === 'active') : (memberIds ?? []).map((id) => api.members.find((m) => m.memberId === id)!);
  const sortOut = (rows: OfferMember[]) => ({
    send: rows.filter((m) => m.email && !m.emailOptOut),
    skipped: rows
      .filter((m) => !m.email || m.emailOptOut)
      .map((m) => ({ memberId: m.memberId, enrollmentId: m.enrollmentId, name: m.name, reason: m.email ? 'opted_out' : 'no_email', message: '' })),
  });
  const checkTemplate = (body: any) => {
    for (const field of ['subject', 'body']) {
      const unknown = [...String(body[field] ?? '').matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1]!).filter((n) => !KNOWN.includes(n));
      if (unknown.length) return error(400, 'validation_failed', `${field}: unknown placeholder`, { issues: [{ path: field, message: `unknown placeholder {{${unknown[0]}}}` }] });
    }
    return null;
  };

  worker.use(
    http.get(`${base}/offer-summaries`, ({ request }) => {
      const refused = authed(request);
      if (refused) return refused;
      const usd = (amount: number) => ({ amount, currency: 'USD' });
      return HttpResponse.json({
        data: [
          { id: OFFER_ID, name: 'Spring', status: 'active', members: api.members.length, conversions: 37, sales: usd(412_350), commission: usd(41_235), paid: usd(9_000), createdAt: '2026-11-01T00:00:00.000Z' },
          { id: 'off_winter', name: 'Winter', status: 'paused', members: 0, conversions: 0, sales: usd(0), commission: usd(0), paid: usd(0), createdAt: '2026-10-01T00:00:00.000Z' },
        ],
        nextCursor: null,
      });
    }),
    http.get(`${base}/offers/:offer/members`, ({ request }) => {
      const refused = authed(request);
      if (refused) return refused;
      const url = new URL(request.url);
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      const status = url.searchParams.get('status');
      let rows = api.members.filter((m) => !q || `${m.name} ${m.email} ${m.promoCode}`.toLowerCase().includes(q));
      if (status) rows = rows.filter((m) => m.status === status);
      if (url.searchParams.get('neverEmailed') === 'true') rows = rows.filter((m) => !m.lastEmailedAt);
      if (url.searchParams.get('optedOut') === 'true') rows = rows.filter((m) => m.emailOptOut);
      const before = url.searchParams.get('emailedBefore');
      if (before) rows = rows.filter((m) => m.lastEmailedAt && m.lastEmailedAt < before);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const page = rows.slice(start, start + limit);
      return HttpResponse.json({ data: page, nextCursor: start + limit < rows.length ? String(start + limit) : null });
    }),
    http.post(`${base}/offers/:offer/members`, async ({ request }) => {
      const refused = authed(request);
      if (refused) return refused;
      const body = (await request.json()) as { members: { name: string; email?: string }[] };
      const results = body.members.map((p) => {
        const n = api.members.length + 1;
        const m = member(n, { name: p.name, email: p.email ?? null });
        api.members.push(m);
        return { status: 'created', member: { id: m.memberId }, enrollment: { id: m.enrollmentId }, memberCreated: true };
      });
      return HttpResponse.json({ created: results.length, failed: 0, results });
    }),
    http.get(`${base}/offers/:offer/emails/:kind/template`, ({ request }) => authed(request) ?? HttpResponse.json({ ...TEMPLATE, placeholders: KNOWN })),
    http.post(`${base}/offers/:offer/emails/:kind/preview`, async ({ request, params }) => {
      const refused = authed(request);
      if (refused) return refused;
      const body = (await request.json()) as any;
      const invalid = checkTemplate(body);
      if (invalid) return invalid;
      const { send, skipped } = sortOut(recipients(params.kind as string, body.memberIds));
      const emails = send.map((m) => {
        const own = textFor(body, m);
        return {
          memberId: m.memberId,
          enrollmentId: m.enrollmentId,
          to: m.email,
          subject: render(own.subject, values(m)),
          text: render(own.body, values(m)),
          html: renderHtml(own.body, values(m)),
          language: languageOf(m),
          values: values(m),
        };
      });
      return HttpResponse.json({ subject: body.subject ?? TEMPLATE.subject, body: body.body ?? TEMPLATE.body, emails, skipped });
    }),
    http.post(`${base}/offers/:offer/emails/:kind/send`, async ({ request, params }) => {
      const refused = authed(request);
      if (refused) return refused;
      const body = (await request.json()) as any;
      const key = request.headers.get('idempotency-key');
      api.sends.push({ body, key });
      if (key && sendResults.has(key)) return HttpResponse.json(sendResults.get(key) as object, { status: 202 });
      if (api.failNextSend) {
        api.failNextSend = false;
        return HttpResponse.error();
      }
      const { send, skipped } = sortOut(recipients(params.kind as string, body.memberIds));
      const sendId = `snd_${api.sends.length}`;
      const queued = send.map((m, i) => {
        const id = `msg_${sendId}_${i}`;
        api.messages.push({
          id, kind: 'tracking_items', offerId: OFFER_ID, enrollmentId: m.enrollmentId, memberId: m.memberId, to: m.email!,
          subject: render(textFor(body, m).subject, values(m)), status: 'queued', attempts: 0, nextAttemptAt: null, lastError: null,
          sentAt: null, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), sendId, test: false,
        });
        return { messageId: id, memberId: m.memberId, enrollmentId: m.enrollmentId, to: m.email! };
      });
      const result = { sendId, queued, skipped };
      if (key) sendResults.set(key, result);
      return HttpResponse.json(result, { status: 202 });
    }),
    http.post(`${base}/offers/:offer/emails/:kind/test`, async ({ request }) => {
      const refused = authed(request);
      if (refused) return refused;
      const body = (await request.json()) as any;
      api.tests.push(body);
      return HttpResponse.json({ to: 'rosa@glow.example', subject: `[Test] ${body.subject ?? TEMPLATE.subject}`, providerId: 'p_1' });
    }),
    http.get(`${base}/emails/messages`, ({ request }) => {
      const refused = authed(request);
      if (refused) return refused;
      const sendId = new URL(request.url).searchParams.get('sendId');
      return HttpResponse.json({ data: api.messages.filter((m) => m.sendId === sendId), nextCursor: null });
    }),
    http.post(`${base}/emails/messages/resend`, async ({ request }) => {
      const refused = authed(request);
      if (refused) return refused;
      const { messageIds } = (await request.json()) as { messageIds: string[] };
      const requeued = messageIds.filter((id) => api.messages.find((m) => m.id === id)?.status === 'failed');
      for (const m of api.messages) if (requeued.includes(m.id)) Object.assign(m, { status: 'queued', lastError: null });
      return HttpResponse.json({ requeued, unchanged: messageIds.filter((id) => !requeued.includes(id)) });
    }),
  );
  return api;
}

/** A `fetchClientSecret` that counts its calls. */
export function secretSource() {
  const fn = Object.assign(async () => `affdash_bs_test${++fn.calls}`, { calls: 0 });
  return fn;
}
