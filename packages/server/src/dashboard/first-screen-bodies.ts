import type { Dashboard } from '@affdash/core';
import type { AppDeps } from '../http/context.js';
import type { DashboardGrant } from '../keys/dashboard-tokens.js';
import { firstScreen } from './first-screen.js';

/** How much JSON text one process keeps of first screens (32 MiB: a few thousand dashboards). */
export const FIRST_SCREEN_BODIES_BYTES = 32 * 1024 * 1024;

interface Kept {
  version: number;
  /** The JSON text around the `generatedAt` value, which is filled in fresh on each answer. */
  head: string;
  tail: string;
  bytes: number;
}

const GENERATED_AT = '"generatedAt":"';
const ISO_LENGTH = '2026-01-01T00:00:00.000Z'.length;

/**
 * First screens as JSON text, by enrollment, language and UTC day, each with the version of
 * the enrollment it was built at. One is answered again only while that version is the one
 * this process knows as current (`DashboardVersions`, kept by NOTIFY), so a write anywhere
 * retires it as it retires the ETag; its `generatedAt` is the time of the answer. The oldest
 * used go first past `maxBytes`.
 */
export class FirstScreenBodies {
  readonly #kept = new Map<string, Kept>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxBytes = FIRST_SCREEN_BODIES_BYTES) {
    this.#maxBytes = maxBytes;
  }

  /** Bytes of JSON text kept now. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The first screen built at `version`, with `generatedAt` set to `now`; none when not kept. */
  get(key: string, version: number, now = new Date()): string | undefined {
    const kept = this.#kept.get(key);
    if (!kept || kept.version !== version) return undefined;
    // used again: to the back of the line
    this.#kept.delete(key);
    this.#kept.set(key, kept);
    return kept.head + now.toISOString() + kept.tail;
  }

  /** Keeps a first screen's JSON text (its `generatedAt` written as `generatedAt`). */
  put(key: string, version: number, json: string, generatedAt: string): void {
    if (json.length > this.#maxBytes) return;
    const at = json.lastIndexOf(`${GENERATED_AT}${generatedAt}"`);
    if (at < 0 || generatedAt.length !== ISO_LENGTH) return;
    const start = at + GENERATED_AT.length;
    const kept = { version, head: json.slice(0, start), tail: json.slice(start + ISO_LENGTH), bytes: json.length };
    this.#drop(key);
    this.#kept.set(key, kept);
    this.#bytes += kept.bytes;
    for (const [oldest] of this.#kept) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#drop(oldest);
    }
  }

  #drop(key: string): void {
    const kept = this.#kept.get(key);
    if (!kept) return;
    this.#kept.delete(key);
    this.#bytes -= kept.bytes;
  }
}

/** The words of each language as JSON text: the same few kilobytes in every first screen. */
const wordTexts = new Map<string, string>();

/** `JSON.stringify(dashboard)`, with the words (its last member) written once per language. */
export function firstScreenText(dashboard: Dashboard): string {
  const { messages, ...rest } = dashboard;
  let words = wordTexts.get(messages.locale);
  if (words === undefined) {
    words = JSON.stringify(messages);
    wordTexts.set(messages.locale, words);
  }
  return `${JSON.stringify(rest).slice(0, -1)},"messages":${words}}`;
}

/**
 * The first screen of a grant's enrollment in the language of `locale`, as JSON text, and its
 * version: the kept text while the enrollment's version is current, else built (one
 * statement) and kept, unless a write raced the read (`DashboardVersions.generation`).
 */
export async function firstScreenJson(
  deps: Pick<AppDeps, 'db' | 'links' | 'dashboardVersions' | 'firstScreenBodies'>,
  grant: DashboardGrant,
  locale: string | undefined,
): Promise<{ json: string; version: number }> {
  const { dashboardVersions: versions, firstScreenBodies: bodies } = deps;
  const now = new Date();
  const key = `${grant.brandId} ${grant.enrollmentId} ${now.toISOString().slice(0, 10)} ${locale ?? ''}`;
  const current = versions.current(grant.brandId, grant.enrollmentId);
  if (current !== undefined) {
    const json = bodies.get(key, current, now);
    if (json !== undefined) return { json, version: current };
  }
  const generation = versions.generation;
  const { dashboard, version } = await firstScreen(deps.db, deps.links, grant, locale, now);
  const json = firstScreenText(dashboard);
  versions.note(grant.brandId, grant.enrollmentId, version, generation);
  // kept only when this process knows the version as current: an answer of a read that raced
  // a write is not kept
  if (versions.current(grant.brandId, grant.enrollmentId) === version) bodies.put(key, version, json, dashboard.generatedAt);
  return { json, version };
}
