/** Every platform the playground runs, in order. */
import type { Scenario } from '../scenario';
import { partnerStackScenario } from './partnerstack';
import { rebusScenario } from './rebus';
import { tamioScenario } from './tamio';
import { upPromoteScenario } from './uppromote';
import { viralRefScenario } from './viralref';

export const SCENARIOS: Scenario[] = [upPromoteScenario, partnerStackScenario, rebusScenario, tamioScenario, viralRefScenario];
