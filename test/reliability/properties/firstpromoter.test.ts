import { firstpromoterKit } from '../../platforms/firstpromoter.kit';
import { describeWebhookProperties } from '../webhook-properties';

describeWebhookProperties(firstpromoterKit);
