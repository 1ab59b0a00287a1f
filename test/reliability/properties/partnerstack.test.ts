import { partnerStackKit } from '../../platforms/partnerstack.kit';
import { describeWebhookProperties } from '../webhook-properties';

describeWebhookProperties(partnerStackKit);
