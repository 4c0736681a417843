import { instantIn, money } from '../../../shared/format';
import { useSignedIn } from '../app/session';

/**
 * The organization's currency and time zone, and money/instant formatters bound to them (every page that shows
 * money uses these; a super admin outside any organization sees USD and UTC).
 */
export function useOrgFormat() {
  const { organization } = useSignedIn();
  const currency = organization?.currency ?? 'USD';
  const zone = organization?.timezone ?? 'UTC';
  return { currency, zone, money: (minor: number) => money(minor, currency), at: (iso: string) => instantIn(iso, zone) };
}
