import { ApiError, notFound } from '../http/errors.js';

/** A token may read an enrollment that is active or paused, not one that has ended. */
export function assertReadable(status: string | undefined): void {
  if (status === undefined) throw notFound('enrollment');
  if (status === 'ended') throw new ApiError('unauthorized', 'This enrollment has ended.');
}
