import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** The widget's plain URL: always the current file, cached for five minutes. */
export const WIDGET_PATH = '/widget/affdash-widget.js';
/** The brand components' one file, built beside the widget's. */
export const BRAND_WIDGET_PATH = '/widget/affdash-brand.js';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** A built script file (the widget's, the brand components') in each encoding, and its content hash. */
export interface WidgetFile {
  hash: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

/** A precompressed copy beside the file (`npm run build` writes them) when it is of this file. */
async function precompressed(path: string, source: Buffer, decode: (b: Buffer) => Buffer): Promise<Buffer | null> {
  try {
    const packed = await readFile(path);
    return decode(packed).equals(source) ? packed : null;
  } catch {
    return null;
  }
}

/**
 * Reads the widget file and its `.gz` and `.br` copies; a copy missing or out of date is
 * compressed here once instead.
 */
export async function loadWidgetFile(file: string): Promise<WidgetFile> {
  const identity = await readFile(file);
  const [gz, br] = await Promise.all([
    precompressed(`${file}.gz`, identity, (b) => zlib.gunzipSync(b)),
    precompressed(`${file}.br`, identity, (b) => zlib.brotliDecompressSync(b)),
  ]);
  return {
    hash: createHash('sha256').update(identity).digest('hex').slice(0, 16),
    identity,
    gzip: gz ?? (await gzip(identity, { level: 9 })),
    br:
      br ??
      (await brotli(identity, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
      })),
  };
}

/** One load per file path and process; a failed load is tried again next time. */
const loaded = new Map<string, Promise<WidgetFile>>();

/** The widget file at `file` (the server's `widgetFile`), loaded once. */
export function widgetFile(file: string): Promise<WidgetFile> {
  let pending = loaded.get(file);
  if (!pending) {
    pending = loadWidgetFile(file);
    loaded.set(file, pending);
    pending.catch(() => loaded.delete(file));
  }
  return pending;
}

/**
 * The widget's content-hashed URL (`/widget/affdash-widget.<hash>.js`, cached for a year),
 * for the pages this server renders; the plain URL while the widget is not built.
 */
export async function widgetUrl(file: string | undefined): Promise<string> {
  const found = file ? await widgetFile(file).catch(() => null) : null;
  return found ? `/widget/affdash-widget.${found.hash}.js` : WIDGET_PATH;
}

/** The brand components' one file, built beside the widget file `widgetPath`. */
export function brandWidgetPath(widgetPath: string): string {
  return path.join(path.dirname(widgetPath), 'affdash-brand.js');
}
