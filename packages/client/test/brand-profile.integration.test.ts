import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../src/index.js';
import { useSdk } from './server.js';

const t = useSdk();

describe('brand.profile against the affdash server', () => {
  it('retrieves and updates the profile', async () => {
    const before = await t.affdash.brand.profile.retrieve();
    expect(before).toMatchObject({ theme: 'auto', defaultLocale: 'en', accentColor: null });
    const saved = await t.affdash.brand.profile.update({
      accentColor: '#0B3D2E',
      emailSenderName: 'Glow Partners',
      postalAddress: 'Glow GmbH, Torstraße 1, 10119 Berlin',
    });
    expect(saved).toMatchObject({ accentColor: '#0b3d2e', accentTextColor: '#ffffff', emailSenderName: 'Glow Partners' });
    expect(await t.affdash.brand.profile.retrieve()).toEqual(saved);
  });

  it('keeps ended enrollments readable when asked: a dashboard token for one is then minted', async () => {
    expect((await t.affdash.brand.profile.retrieve()).endedEnrollmentAccess).toBe('closed');
    const offer = await t.affdash.offers.create({
      name: 'Spring',
      currency: 'USD',
      commission: { type: 'percent', rateBps: 1000 },
      destinationUrl: 'https://shop.example/',
    });
    const member = await t.affdash.members.create({ name: 'Ana' });
    const enrollment = await t.affdash.enrollments.create({ offerId: offer.id, memberId: member.id });
    await t.affdash.enrollments.update(enrollment.id, { status: 'ended' });
    await expect(t.affdash.dashboardTokens.create({ enrollmentId: enrollment.id })).rejects.toMatchObject({
      code: 'enrollment_inactive',
    });
    const saved = await t.affdash.brand.profile.update({ endedEnrollmentAccess: 'read_only' });
    expect(saved.endedEnrollmentAccess).toBe('read_only');
    const { token } = await t.affdash.dashboardTokens.create({ enrollmentId: enrollment.id });
    expect(token.split('.')).toHaveLength(3);
    await expect(t.affdash.brand.profile.update({ endedEnrollmentAccess: 'sometimes' as 'closed' })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });

  it('refuses a bad value before sending it, and what the server refuses', async () => {
    await expect(t.affdash.brand.profile.update({ logoUrl: 'http://cdn.example/logo.png' })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    // the server refuses text that does not contrast with the accent
    await expect(t.affdash.brand.profile.update({ accentTextColor: '#1c4d3e' })).rejects.toMatchObject({
      status: 400,
      code: 'validation_failed',
    });
  });
});
