/** Every platform the playground runs, in order. */
import type { Scenario } from '../scenario';
import { upPromoteScenario } from './uppromote';

export const SCENARIOS: Scenario[] = [upPromoteScenario];
