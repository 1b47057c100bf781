import { CODE_PATTERN_TOKEN } from '@affdash/core';
import { randomString } from '../keys/random.js';
import { READABLE } from './promo-code.js';

/** The member's first name as a code part: up to 8 letters, upper case. */
export function namePart(memberName: string): string {
  return (memberName.normalize('NFKD').match(/[A-Za-z]+/)?.[0] ?? '').slice(0, 8).toUpperCase();
}

/**
 * A code from a brand's pattern (validated by core's `CodePattern`): `{prefix}`, `{name}`,
 * `{random}` / `{random:N}` filled in, upper case, without doubled or dangling separators
 * where a part is empty.
 */
export function codeFromPattern(pattern: string, prefix: string | null, memberName: string): string {
  const filled = pattern.replace(CODE_PATTERN_TOKEN, (_, part: string, n?: string) => {
    if (part === 'prefix') return prefix ?? '';
    if (part === 'name') return namePart(memberName);
    return randomString(Number(n ?? 4), READABLE);
  });
  return filled
    .toUpperCase()
    .replace(/([-_])[-_]+/g, '$1')
    .replace(/^[-_]+|[-_]+$/g, '');
}
