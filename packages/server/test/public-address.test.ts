import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { isPrivateAddress } from '../src/webhooks/public-address.js';

describe('webhook address rules', () => {
  it('tells private, local and reserved addresses from public ones', () => {
    for (const address of [
      '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254',
      '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '198.18.0.1',
      '::1', '::', 'fd00::1', 'fe80::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1',
      'not an address',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it('allows private networks by default only for a local PUBLIC_URL; the variable decides otherwise', async () => {
    const base = { AFFDASH_SECRET: 'x'.repeat(40), AFFDASH_DATA_DIR: '/tmp/affdash-config-test' };
    expect((await loadConfig(base)).webhookPrivateNetworks).toBe(true);
    expect((await loadConfig({ ...base, PUBLIC_URL: 'https://dash.brand.example' })).webhookPrivateNetworks).toBe(false);
    const allow = { ...base, PUBLIC_URL: 'https://dash.brand.example', AFFDASH_WEBHOOK_PRIVATE_NETWORKS: 'allow' };
    expect((await loadConfig(allow)).webhookPrivateNetworks).toBe(true);
    expect((await loadConfig({ ...base, AFFDASH_WEBHOOK_PRIVATE_NETWORKS: 'deny' })).webhookPrivateNetworks).toBe(false);
    await expect(loadConfig({ ...base, AFFDASH_WEBHOOK_PRIVATE_NETWORKS: 'yes' })).rejects.toThrow(/allow" or "deny/);
  });
});
