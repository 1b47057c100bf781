import type { DashboardErrorDetail } from './api.js';

/** A sentence a member can act on, for an error the dashboard could not get past. */
export function errorMessage({ status, code }: DashboardErrorDetail): string {
  switch (code) {
    case 'network_error':
      return 'We couldn’t reach the server. Check your connection and try again.';
    case 'not_found':
      return 'We couldn’t find this dashboard. The link may be out of date.';
    case 'unauthorized':
    case 'invalid_token':
    case 'missing_token':
      return 'This dashboard link isn’t valid. Open your dashboard again from the link you were given.';
    case 'enrollment_inactive':
      return 'This partnership isn’t active anymore, so its dashboard can’t be shown.';
    case 'rate_limited':
      return 'Too many requests right now. Wait a moment and try again.';
  }
  if (status >= 500) return 'Something went wrong on our side. Try again in a moment.';
  return 'Something went wrong while loading your dashboard.';
}

export const expiredTitle = 'Your session has expired';
export const expiredMessage = 'Reload the page or open your dashboard link again to continue.';

export const emptyConversionsMessage = 'Share your code to see your first conversion here.';
