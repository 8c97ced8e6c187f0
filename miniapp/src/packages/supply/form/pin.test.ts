import { describe, expect, it } from '@jest/globals';
import { distanceMetres } from '@shared/walking';
import type { Community } from '@shared/api';
import { baseCommunity, describePin, movePin, PIN_STEP_METRES } from './pin';

const shuxiangli: Community = { id: 'cm-shuxiangli', name: '书香里', lat: 36.6642, lng: 117.0622 };
const hongfeng: Community = { id: 'cm-hongfeng', name: '红枫社区', lat: 36.6623, lng: 117.0565 };

describe('the H5 pin: a community moved in 50 m steps', () => {
  it('moves by the step in each direction, as the walking rule measures it', () => {
    for (const [east, north] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      const moved = movePin(shuxiangli, east * PIN_STEP_METRES, north * PIN_STEP_METRES);
      expect(Math.abs(distanceMetres(shuxiangli, moved) - PIN_STEP_METRES)).toBeLessThan(0.5);
    }
  });

  it('describes the pin from the nearest community', () => {
    expect(describePin(shuxiangli, [hongfeng, shuxiangli])).toBe('就在书香里');
    expect(describePin(movePin(shuxiangli, 50, 0), [hongfeng, shuxiangli])).toBe('书香里以东约50米');
    expect(describePin(movePin(shuxiangli, -100, -50), [hongfeng, shuxiangli])).toBe('书香里以西约100米、以南约50米');
    expect(describePin(movePin(hongfeng, 0, 150), [hongfeng, shuxiangli])).toBe('红枫社区以北约150米');
    expect(describePin(hongfeng, [])).toBeNull();
  });

  it('knows which community the pin was moved from, while it is still near it', () => {
    expect(baseCommunity(movePin(shuxiangli, 100, 50), [hongfeng, shuxiangli])?.id).toBe('cm-shuxiangli');
    expect(baseCommunity(movePin(shuxiangli, 2000, 0), [hongfeng, shuxiangli])).toBeNull();
    expect(baseCommunity(null, [hongfeng, shuxiangli])).toBeNull();
  });
});
