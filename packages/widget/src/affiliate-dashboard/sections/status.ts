import { html, nothing } from 'lit';
import type { DashboardConversion } from '@affdash/core';
import { fill } from '../messages/index.js';
import type { Formatter } from '../format.js';
import { pill } from './card.js';

/** The tone of each conversion status: colour always comes with a word. */
export const statusTone = { pending: 'warning', approved: 'success', rejected: 'danger', reversed: 'neutral' } as const;

/** The status pill and, under it, when a pending one is due or why it was turned down. */
export function renderConversionStatus(c: DashboardConversion, f: Formatter) {
  const note =
    c.status === 'pending' ? c.expectedApprovalAt && fill(f.m.until, f.date(c.expectedApprovalAt)) : c.status !== 'approved' && c.statusReason;
  return html`${pill(statusTone[c.status], f.m[c.status])}${note ? html` <span class="status-note">${note}</span>` : nothing}`;
}
