import { Hono } from 'hono';
import {
  ConversionBatchCreate,
  ConversionCreate,
  ConversionListQuery,
  ConversionUpdate,
  PageQuery,
} from '@affdash/core';
import { notFound } from '../../http/errors.js';
import { parsePrefer } from '../../http/prefer.js';
import type { AppEnv } from '../../http/context.js';
import { validate } from '../../http/validate.js';
import { keyOnly } from '../../middleware/brand-access/index.js';
import { recordConversionBatch } from './batch.js';
import { apiKeyActor, listEvents } from './events.js';
import { findConversion, listConversions } from './queries.js';
import { recordConversion } from './record.js';
import { toConversion } from './rows.js';
import { changeConversionStatus } from './status.js';

/** `/v1/conversions`: sales the brand reports, and their approval. */
export function conversionRoutes() {
  return new Hono<AppEnv>()
    .use(keyOnly())
    .post('/', validate('json', ConversionCreate), async (c) => {
      // a click answered here moments ago may still be on its way to the database
      await c.get('deps').clicks.flushIfWaiting([c.req.valid('json').clickId]);
      const { conversion, created } = await recordConversion(
        c.get('deps').db,
        c.get('brandId'),
        c.req.valid('json'),
        apiKeyActor(c.get('apiKeyId')),
      );
      return c.json(conversion, created ? 201 : 200);
    })
    .post('/batch', validate('json', ConversionBatchCreate), async (c) => {
      // `Prefer: return=minimal`: each result without its conversion, which `id` names
      const minimal = parsePrefer(c.req.header('prefer')).return === 'minimal';
      await c.get('deps').clicks.flushIfWaiting(c.req.valid('json').conversions.map((i) => (i as { clickId?: unknown } | null)?.clickId as string | undefined));
      const results = await recordConversionBatch(
        c.get('deps').db,
        c.get('brandId'),
        c.req.valid('json').conversions,
        apiKeyActor(c.get('apiKeyId')),
        minimal ? 'minimal' : 'representation',
      );
      c.header('Vary', 'Prefer');
      if (minimal) c.header('Preference-Applied', 'return=minimal');
      return c.json({ results });
    })
    .get('/', validate('query', PageQuery.extend(ConversionListQuery.shape)), async (c) => {
      const query = c.req.valid('query');
      return c.json(await listConversions(c.get('deps').db, c.get('brandId'), query, query));
    })
    .get('/:id', async (c) => {
      const row = await findConversion(c.get('deps').db, c.get('brandId'), c.req.param('id'));
      if (!row) throw notFound('conversion');
      return c.json(toConversion(row));
    })
    .get('/:id/events', async (c) => {
      const { db } = c.get('deps');
      const row = await findConversion(db, c.get('brandId'), c.req.param('id'));
      if (!row) throw notFound('conversion');
      return c.json({ data: await listEvents(db, c.get('brandId'), row.id) });
    })
    .patch('/:id', validate('json', ConversionUpdate), async (c) => {
      const conversion = await changeConversionStatus(
        c.get('deps').db,
        c.get('brandId'),
        c.req.param('id'),
        c.req.valid('json'),
        apiKeyActor(c.get('apiKeyId')),
      );
      return c.json(conversion);
    });
}
