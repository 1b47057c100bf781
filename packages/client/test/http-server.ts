import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface Answer {
  status?: number;
  body?: unknown;
  /** Sent as is instead of JSON-encoding `body`. */
  raw?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1, port 0, answering with `handler`. */
export async function serve(handler: (request: Received) => Answer | Promise<Answer>): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request: Received = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: text === '' ? undefined : JSON.parse(text),
    };
    received.push(request);
    const answer = await handler(request);
    const payload = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
    res.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const at = '2026-11-25T10:00:00.000Z';

/** A valid `Offer` as the API sends it. */
export function offer(id: string, name = `Offer ${id}`) {
  return {
    id,
    name,
    description: '',
    status: 'active',
    currency: 'USD',
    commission: { type: 'percent', rateBps: 1000 },
    holdDays: 30,
    destinationUrl: 'https://shop.example/',
    codePrefix: null,
    utm: null,
    attribution: 'promo_code_first',
    metadata: {},
    createdAt: at,
    updatedAt: at,
  };
}

/** A valid `Conversion` as the API sends it. */
export function conversion(id: string, orderId = 'order_1') {
  return {
    id,
    enrollmentId: 'enr_1',
    offerId: 'off_1',
    memberId: 'mem_1',
    orderId,
    status: 'pending',
    sale: { amount: 10_000, currency: 'USD' },
    commission: { amount: 1_000, currency: 'USD' },
    original: null,
    attributedBy: 'promo_code',
    clickId: null,
    occurredAt: at,
    expectedApprovalAt: null,
    statusReason: null,
    metadata: {},
    createdAt: at,
    updatedAt: at,
  };
}
