import { upPromoteKit } from './kit';
import { describeWebhookProperties } from '../../test/reliability/webhook-properties';

describeWebhookProperties(upPromoteKit);
