// Tamio's properties are split over two files: each case also costs a verify call to the emulator.
import { describeDashboardProperties } from '../dashboard-properties';
import { tamioPropertyKit } from '../tamio-property-kit';

describeDashboardProperties(tamioPropertyKit, ['genuine', 'tampered body']);
