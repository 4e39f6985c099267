import type { PartnerRoiProgram } from 'partner-roi';

/** The program the page shows: two tiers, typed against the package's format. */
export const program: PartnerRoiProgram = {
  version: 1,
  id: 'astro-example',
  name: 'Astro Example Partner Program',
  currency: 'EUR',
  locale: 'en-IE',
  tiers: [
    { id: 'member', name: 'Member', resale_margin_pct: 10, referral_share_pct: 10, referral_years: 1 },
    { id: 'expert', name: 'Expert', resale_margin_pct: 20, annual_fee: 2000, min_certified_staff: 2 },
  ],
};
