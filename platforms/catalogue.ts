/**
 * The five platforms as the connection screen shows them: display name and where each vendor
 * shows its API keys. Platform definitions take their display name from here.
 */
import type { PlatformId } from './types';

export interface CatalogueEntry {
  name: string;
  /** The vendor page that says where the key is, and the path to it in the vendor's dashboard. */
  keyHelp: { url: string; where: string };
}

export const CATALOGUE: Record<PlatformId, CatalogueEntry> = {
  uppromote: {
    name: 'UpPromote',
    keyHelp: {
      url: 'https://docs.uppromote.com/settings/integrations/api-and-webhook',
      where: 'Settings → Integrations → API Key → Get API Key (Professional plan)',
    },
  },
  partnerstack: {
    name: 'PartnerStack',
    keyHelp: {
      url: 'https://docs.partnerstack.com/docs/authentication',
      where: 'Settings → Integrations → PartnerStack API Keys (public key and secret key)',
    },
  },
  rebus: {
    name: 'Rebus AI',
    keyHelp: {
      url: 'https://www.beautyreferralnetwork.com/affiliate_manager/api_docs/authentication',
      where: 'admin panel → Settings → API Management → Generate New API Key (sk_live_… or sk_test_…)',
    },
  },
  tamio: {
    name: 'Tamio',
    keyHelp: {
      url: 'https://developers.tamio.com',
      where: 'Settings → Developers → API Keys → Create key (a secret key with the affiliates permissions)',
    },
  },
  viralref: {
    name: 'ViralRef',
    keyHelp: {
      url: 'https://viralref.com/docs/api-webhooks',
      where: 'Settings → Organization → Developers → Create API Key (paid plans)',
    },
  },
};

/** The connection's platform dropdown, in catalogue order. */
export const PLATFORM_CHOICES = (Object.keys(CATALOGUE) as PlatformId[]).map((value) => ({ value, label: CATALOGUE[value].name }));
