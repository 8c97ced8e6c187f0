import type { OutletSummary } from '@shared/api';
import type { Place } from '@/services/location';

/** What either map (the weapp's native one, the H5 schematic one) is given and tells back. */
export interface PlatformMapProps {
  place: Place;
  outlets: OutletSummary[];
  /** The category searched for: an outlet of several is drawn as this one. */
  filter?: string;
  largeText: boolean;
  selectedId: string | null;
  onSelect(id: string | null): void;
}

/** The legend under the map: which styles are on it. */
export interface LegendProps {
  outlets: OutletSummary[];
  filter?: string;
}
