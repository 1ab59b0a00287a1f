import { partnerStackKit } from './kit';
import { describeWebhookProperties } from '../../test/reliability/webhook-properties';

describeWebhookProperties(partnerStackKit);
