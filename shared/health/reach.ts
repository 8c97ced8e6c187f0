/** The walking limit of a facility type as a straight-line distance, at a pace (fractional minutes allowed). */
import { metresPerMinute, WALKING } from '../walking';
import type { Pace } from './types';

export function limitMetres(minutes: number, pace: Pace): number {
  return (minutes * metresPerMinute(pace === 'elder' ? 'elder' : 'standard')) / WALKING.detourFactor;
}
