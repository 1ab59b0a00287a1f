import { dubKit } from './kit';
import { describeWebhookProperties } from '../../test/reliability/webhook-properties';

describeWebhookProperties(dubKit);
