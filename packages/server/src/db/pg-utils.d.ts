/** The driver's own conversion of a parameter to the text it sends (arrays, dates, buffers…). */
declare module 'pg/lib/utils.js' {
  const utils: { prepareValue(value: unknown): string | Buffer | null };
  export default utils;
}
