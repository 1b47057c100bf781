import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** The widget file in each encoding, and the hash its immutable URL carries. */
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
