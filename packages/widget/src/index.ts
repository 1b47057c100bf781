export { AffiliateDashboard } from './affiliate-dashboard/affiliate-dashboard.js';
export type { DashboardErrorDetail } from './affiliate-dashboard/api.js';
export type { CopyKind } from './affiliate-dashboard/sections/share.js';
export type { ConversionStatus } from './affiliate-dashboard/dashboard-controller.js';
