import { html, nothing } from 'lit';
import type { DashboardConversion } from '@affdash/core';
import type { Formatter } from '../format.js';

/** Words and tones of conversion statuses: colour always comes with a word. */
export const conversionStatus = {
  pending: { label: 'Pending', tone: 'warning' },
  approved: { label: 'Approved', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'danger' },
  reversed: { label: 'Reversed', tone: 'neutral' },
} as const;

/** The status pill and, under it, when a pending one is due or why it was turned down. */
export function renderConversionStatus(c: DashboardConversion, f: Formatter) {
  const { label, tone } = conversionStatus[c.status];
  let note: string | undefined;
  if (c.status === 'pending' && c.expectedApprovalAt) note = `until ${f.date(c.expectedApprovalAt)}`;
  else if ((c.status === 'rejected' || c.status === 'reversed') && c.statusReason) note = c.statusReason;
  return html`<span class="pill pill--${tone}"><span class="dot" aria-hidden="true"></span>${label}</span>
    ${note ? html`<span class="status-note">${note}</span>` : nothing}`;
}
