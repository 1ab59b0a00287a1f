import { firstpromoterKit } from './kit';
import { describeWebhookProperties } from '../../test/reliability/webhook-properties';

describeWebhookProperties(firstpromoterKit);
