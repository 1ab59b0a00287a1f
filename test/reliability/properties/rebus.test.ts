import { rebusKit } from '../../platforms/rebus.kit';
import { describeWebhookProperties } from '../webhook-properties';

describeWebhookProperties(rebusKit);
