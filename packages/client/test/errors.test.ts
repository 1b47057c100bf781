import { afterEach, describe, expect, it } from 'vitest';
import {
  AffdashError,
  Affdash,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TokenExpiredError,
  UnprocessableEntityError,
  isAffdashError,
  isAuthenticationError,
  isNotFoundError,
  isTokenExpiredError,
} from '../src/index.js';
import { errorFromResponse } from '../src/error-mapping.js';
import { conversion, offer, serve, type TestServer } from './http-server.js';

const body = (code: string, message = 'nope', extra: object = {}) => ({ error: { code, message, ...extra } });

describe('errorFromResponse', () => {
  it.each([
    [400, 'validation_failed', BadRequestError],
    [400, 'bad_request', BadRequestError],
    [401, 'unauthorized', AuthenticationError],
    [401, 'token_expired', TokenExpiredError],
    [403, 'forbidden', PermissionDeniedError],
    [404, 'not_found', NotFoundError],
    [409, 'conflict', ConflictError],
    [413, 'payload_too_large', AffdashError],
    [422, 'unknown_promo_code', UnprocessableEntityError],
    [429, 'rate_limited', RateLimitError],
    [500, 'internal', InternalServerError],
    [503, 'internal', InternalServerError],
  ])('%i %s → %o', (status, code, cls) => {
    const error = errorFromResponse(status, body(code), new Headers());
    expect(error).toBeInstanceOf(cls);
    expect(error.constructor).toBe(cls);
    expect(error).toMatchObject({ status, code, message: 'nope', name: cls.name });
  });

  it('keeps details and prefers the body request id over the header', () => {
    const issues = [{ path: 'amount', message: 'must be an integer of minor units' }];
    const error = errorFromResponse(
      400,
      body('validation_failed', 'amount: bad', { details: { issues }, requestId: 'req_body' }),
      new Headers({ 'x-request-id': 'req_header' }),
    );
    expect(error.details).toEqual({ issues });
    expect(error.requestId).toBe('req_body');
  });

  it('falls back to the x-request-id header and a code from the status for unreadable bodies', () => {
    const error = errorFromResponse(502, '<html>Bad gateway</html>', new Headers({ 'x-request-id': 'req_h' }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, code: 'internal', requestId: 'req_h' });
  });

  it('reads Retry-After into RateLimitError', () => {
    const error = errorFromResponse(429, body('rate_limited'), new Headers({ 'retry-after': '7' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterSeconds).toBe(7);
  });

  it('has type guards that narrow', () => {
    const expired = errorFromResponse(401, body('token_expired'), new Headers());
    expect(isTokenExpiredError(expired)).toBe(true);
    expect(isAuthenticationError(expired)).toBe(true);
    expect(isAffdashError(expired)).toBe(true);
    expect(isNotFoundError(expired)).toBe(false);
    expect(isAffdashError(new Error('x'))).toBe(false);
  });
});

describe('errors over HTTP', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const client = (url: string, maxRetries = 2) => new Affdash({ apiKey: 'key_test', baseUrl: url, maxRetries });

  it('maps a 404 with the request id from the header', async () => {
    server = await serve(() => ({ status: 404, body: body('not_found', 'No such offer'), headers: { 'x-request-id': 'req_42' } }));
    const error = await client(server.url).offers.retrieve('off_missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'not_found', message: 'No such offer', requestId: 'req_42' });
    expect(server.received[0]).toMatchObject({ method: 'GET', path: '/v1/offers/off_missing' });
    expect(server.received[0]?.headers.authorization).toBe('Bearer key_test');
  });

  it('retries a GET on 503, then succeeds', async () => {
    let calls = 0;
    server = await serve(() => (++calls < 3 ? { status: 503, body: body('internal') } : { body: offer('off_1') }));
    const found = await client(server.url).offers.retrieve('off_1');
    expect(found.id).toBe('off_1');
    expect(calls).toBe(3);
  });

  it('gives up after maxRetries with InternalServerError', async () => {
    server = await serve(() => ({ status: 500, body: body('internal', 'boom') }));
    await expect(client(server.url, 1).offers.retrieve('off_1')).rejects.toBeInstanceOf(InternalServerError);
    expect(server.received).toHaveLength(2);
  });

  it('sends a create once, without a key, when retries are off', async () => {
    server = await serve(() => ({ status: 500, body: body('internal') }));
    const create = client(server.url, 0).offers.create({
      name: 'x',
      currency: 'USD',
      commission: { type: 'flat', amount: 100 },
      destinationUrl: 'https://shop.example/',
    });
    await expect(create).rejects.toBeInstanceOf(InternalServerError);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('retries a create with an idempotency key, sending the same key each time', async () => {
    server = await serve(() => ({ status: 502, body: body('internal') }));
    const create = client(server.url, 2).payments.create(
      { enrollmentId: 'enr_1', amount: 100, currency: 'USD', method: 'bank' },
      { idempotencyKey: 'pay-2026-11-enr_1' },
    );
    await expect(create).rejects.toBeInstanceOf(InternalServerError);
    expect(server.received.map((r) => r.headers['idempotency-key'])).toEqual(Array(3).fill('pay-2026-11-enr_1'));
  });

  it('tells a new conversion (201) from an existing one (200), and retries recording', async () => {
    let calls = 0;
    server = await serve(() => {
      calls++;
      if (calls === 1) return { status: 503, body: body('internal') };
      return { status: calls === 2 ? 201 : 200, body: conversion('cnv_1', 'order_9') };
    });
    const conversions = client(server.url).conversions;
    const first = await conversions.record({ orderId: 'order_9', amount: 10_000, promoCode: 'ada10' });
    const again = await conversions.record({ orderId: 'order_9', amount: 10_000, promoCode: 'ada10' });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.conversion.id).toBe('cnv_1');
    expect(server.received[1]?.body).toMatchObject({ orderId: 'order_9', promoCode: 'ada10', metadata: {} });
  });

  it('rejects a response that breaks the contract with InvalidResponseError', async () => {
    server = await serve(() => ({ body: { id: 'off_1', name: 3 }, headers: { 'x-request-id': 'req_bad' } }));
    const error = await client(server.url).offers.retrieve('off_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ requestId: 'req_bad', code: 'invalid_response' });
  });

  it('maps a refused connection to ConnectionError', async () => {
    const closed = await serve(() => ({ body: {} }));
    await closed.close();
    const error = await client(closed.url, 0).offers.retrieve('off_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'connection_failed', status: undefined });
  });

  it('maps a timeout to ConnectionError with code timeout', async () => {
    server = await serve(() => new Promise((resolve) => setTimeout(() => resolve({ body: offer('off_1') }), 500)));
    const slow = new Affdash({ apiKey: 'key_test', baseUrl: server.url, timeoutMs: 50, maxRetries: 0 });
    const error = await slow.offers.retrieve('off_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'timeout' });
  });
});
