/** The Make identity of a platform's app: its name, label, description and colour. */
import type { PlatformDefinition } from '../../platforms/types';

/** The Make identity of a platform's app, e.g. `{ name: 'affiliate-hub-acme', label: 'Affiliate Hub for Acme' }`. */
export interface AppIdentity {
  /** Make app name (URL part): lower case, digits and dashes. */
  name: string;
  label: string;
  description: string;
  /** Logo colour. */
  theme: string;
}

/** The app identity of a platform (also what make/deploy.ts creates or updates). */
export function appIdentity(platform: Pick<PlatformDefinition, 'id' | 'name'>): AppIdentity {
  return {
    name: `affiliate-hub-${platform.id.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    label: `Affiliate Hub for ${platform.name}`,
    description: `Instant ${platform.name} referral, affiliate and payout events and actions, in Affiliate Hub's normalized vocabulary.`,
    theme: '#1f6feb',
  };
}
