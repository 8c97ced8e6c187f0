/**
 * The consistency check of needs' support counts: every need's `supports` equals its support items, and
 * every support item belongs to a need. Walks the circles' needs (never a Scan).
 */
import { listCircles } from '../circles/store';
import { listNeedsOfCircle, supportersOf } from './store';

export interface SupportCheck {
  needs: number;
  supports: number;
  problems: string[];
}

export async function checkSupports(): Promise<SupportCheck> {
  const problems: string[] = [];
  let needs = 0;
  let supports = 0;
  for (const circle of await listCircles()) {
    for (const n of await listNeedsOfCircle(circle.id)) {
      needs++;
      const items = (await supportersOf(n.id)).length;
      supports += items;
      if (items !== n.supports) problems.push(`${n.id}: supports ${n.supports} but ${items} support items`);
    }
  }
  return { needs, supports, problems };
}
