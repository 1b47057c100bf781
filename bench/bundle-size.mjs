import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** The widget's size budget: min+gzip of the one-file bundle. */
export const BUDGET_GZIP_BYTES = 16 * 1024;

/** The brand components' budget (`@affdash/widget/brand`, a bundle of its own). */
export const BRAND_BUDGET_GZIP_BYTES = 40 * 1024;

/** Raw, gzip -9 and brotli q11 sizes of a (minified) file, against `budget` bytes min+gzip. */
export async function bundleSize(file, budget = BUDGET_GZIP_BYTES) {
  const source = await readFile(file);
  const gz = await gzip(source, { level: 9 });
  const br = await brotli(source, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
    },
  });
  return {
    file,
    rawBytes: source.length,
    gzipBytes: gz.length,
    brotliBytes: br.length,
    budgetGzipBytes: budget,
    budgetMet: gz.length <= budget,
  };
}
