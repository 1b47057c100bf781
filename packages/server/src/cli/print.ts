import type { ServerConfig } from '../config.js';
import type { DemoResult } from '../demo/seed.js';

/** The demo's links and keys, printed for the person who ran it. */
export function printDemo(config: ServerConfig, demo: DemoResult, extra: string[] = []): void {
  const lines = [
    '',
    `  affdash demo — ${demo.seeded ? 'demo data created' : 'demo data already there'}`,
    '',
    `  Hosted dashboards of ${demo.showcase.memberName} (one per offer):`,
    ...demo.showcase.enrollments.map((e) => `    ${e.dashboardUrl}`),
    ...extra,
    '',
    `  Demo brand API key (new each start): ${demo.apiKey}`,
    `    try: curl -H "Authorization: Bearer ${demo.apiKey}" ${config.publicUrl}/v1/offers`,
    '',
  ];
  console.log(lines.join('\n'));
}
