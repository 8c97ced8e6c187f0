/**
 * The map each build gets. `process.env.TARO_ENV` is a constant in each build, so webpack drops the other
 * branch's require: the H5 bundle has no native-map code and the weapp package no SVG map. Taro's own H5
 * `Map` is never used: it loads Baidu's script from the internet and takes BD-09 points, not our GCJ-02.
 */
import type { ComponentType } from 'react';
import type { LegendProps, PlatformMapProps } from './types';

interface MapModule {
  MapView: ComponentType<PlatformMapProps>;
  Legend: ComponentType<LegendProps>;
}
declare const require: (id: string) => MapModule;

const platform: MapModule = process.env.TARO_ENV === 'weapp' ? require('./NativeMap') : require('./SchematicMap');

export const PlatformMap = platform.MapView;
export const PlatformLegend = platform.Legend;
