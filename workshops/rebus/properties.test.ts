import { rebusKit } from './kit';
import { describeWebhookProperties } from '../../test/reliability/webhook-properties';

describeWebhookProperties(rebusKit);
