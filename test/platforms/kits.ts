/**
 * Every platform with a webhook API, as the contract and property tests see it:
 * `workshops/<id>/kit.ts` exports `kit` for each (the completeness test asks for the file).
 */
import { PLATFORMS } from '../../platforms/registry';
import type { PlatformKit } from './kit';

function kitOf(id: string): PlatformKit {
  const module = require(`../../workshops/${id}/kit`) as { kit?: PlatformKit };
  if (!module.kit) throw new Error(`workshops/${id}/kit.ts exports no \`kit\`.`);
  return module.kit;
}

export const KITS: PlatformKit[] = PLATFORMS.filter((platform) => platform.webhooks.kind === 'api').map((platform) => kitOf(platform.id));
