/** Every platform with a webhook API, as the contract and property tests see it. */
import type { PlatformKit } from './kit';
import { partnerStackKit } from './partnerstack.kit';
import { rebusKit } from './rebus.kit';
import { upPromoteKit } from './uppromote.kit';

export const KITS: PlatformKit[] = [upPromoteKit, partnerStackKit, rebusKit];
