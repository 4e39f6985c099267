import { createRef } from 'react';
import type { PartnerRoiProgram } from 'partner-roi';
import type { PartnerRoiJsxProps } from 'partner-roi/react';
import reseller from '../../../programs/reseller.json';

/** The program both pages show: two tiers, typed against the package's format. */
export const program: PartnerRoiProgram = {
  version: 1,
  id: 'react-example',
  name: 'React Example Partner Program',
  currency: 'EUR',
  locale: 'en-IE',
  tiers: [
    { id: 'member', name: 'Member', resale_margin_pct: 10, referral_share_pct: 10, referral_years: 1 },
    { id: 'expert', name: 'Expert', resale_margin_pct: 20, annual_fee: 2000, min_certified_staff: 2 },
  ],
};

/** A program file imported as JSON (`version` is a number there) type-checks as a program. */
export const resellerProgram: PartnerRoiProgram = reseller;

/** The JSX ref is typed: a ref to another kind of element does not fit (were it `unknown`,
 * the directive below would be unused, and `tsc` would fail). */
// @ts-expect-error: an input's ref is not the widget's
export const notTheWidgetsRef: PartnerRoiJsxProps['ref'] = createRef<HTMLInputElement>();
