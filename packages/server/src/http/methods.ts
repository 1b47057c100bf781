/** Methods that only read: neither rate-limited as writes nor read ahead for a body. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request's method writes (POST, PUT, PATCH, DELETE…). */
export const isWrite = (method: string): boolean => !READS.has(method);
