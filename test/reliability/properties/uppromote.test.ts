import { upPromoteKit } from '../../platforms/uppromote.kit';
import { describeWebhookProperties } from '../webhook-properties';

describeWebhookProperties(upPromoteKit);
