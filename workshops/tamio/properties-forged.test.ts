// Tamio's properties are split over two files: each case also costs a verify call to the emulator.
import { describeDashboardProperties } from '../../test/reliability/dashboard-properties';
import { tamioPropertyKit } from './property-kit';

describeDashboardProperties(tamioPropertyKit, ['forged signature', 'junk']);
