import type { EndedEnrollmentAccess } from '@affdash/core';
import { ApiError, notFound } from '../http/errors.js';

/** What decides whether a dashboard may be read: the enrollment's status and its brand's rule for ended ones. */
export interface Readability {
  status: string;
  ended_access: EndedEnrollmentAccess;
}

/**
 * A token may read an enrollment that is active or paused; one that has ended only when its
 * brand keeps ended enrollments readable (`endedEnrollmentAccess: read_only` in the profile).
 */
export function assertReadable(row: Readability | null | undefined): void {
  if (!row) throw notFound('enrollment');
  if (row.status === 'ended' && row.ended_access !== 'read_only') {
    throw new ApiError('unauthorized', 'This enrollment has ended.');
  }
}

/** Whether a member may open an enrollment's dashboard at all (read-only once it ended). */
export const dashboardOpens = (status: string, endedAccess: EndedEnrollmentAccess) =>
  status !== 'ended' || endedAccess === 'read_only';
