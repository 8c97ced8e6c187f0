import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Circle } from '@shared/api';
import type { CompoundView, NearestOutlet } from '@shared/health/types';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { ROUTES } from '@/services/routes';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { getCompoundView, loadCircles } from '../../api';
import '../../health.scss';

/** The resident's compound for this page, kept across launches (a resident picks it once). */
const KEY = 'ykz.healthCompound';
interface Choice {
  circleId: string;
  compoundId: string;
}

function readChoice(): Choice | null {
  try {
    const v = Taro.getStorageSync(KEY) as Choice | '';
    return v && v.circleId && v.compoundId ? v : null;
  } catch {
    return null;
  }
}

/** A resident's simple view: for their own compound, which kinds of service are within a 15-minute walk and which are not. */
export default function AroundPage() {
  const { place } = useAppState();
  const [choice, setChoice] = useState<Choice | null>(() => readChoice() ?? (place?.source === 'community' && place.circleId && place.communityId ? { circleId: place.circleId, compoundId: place.communityId } : null));
  const circles = useRequest(loadCircles, []);
  const view = useRequest(() => getCompoundView(choice!.circleId, choice!.compoundId), [choice?.circleId, choice?.compoundId], !!choice);
  const pick = (c: Choice) => {
    setChoice(c);
    Taro.setStorageSync(KEY, c);
  };
  return (
    <Page className="health-around">
      <Async request={circles} loadingText="正在读取小区…">
        {({ items }) => <Picker circles={items} choice={choice} onPick={pick} />}
      </Async>
      {choice ? (
        <Async request={view} loadingText="正在查看附近的服务…">
          {(v) => <Around view={v} />}
        </Async>
      ) : (
        <View className="notice">
          <Text>请先在上面选择您住的小区</Text>
        </View>
      )}
    </Page>
  );
}

function Picker({ circles, choice, onPick }: { circles: Circle[]; choice: Choice | null; onPick(c: Choice): void }) {
  const [circleId, setCircleId] = useState(choice?.circleId ?? circles[0]?.id ?? '');
  const circle = circles.find((c) => c.id === circleId);
  return (
    <View className="card" data-testid="around-picker">
      <Text className="card-title">您住在哪个小区？</Text>
      {circles.length > 1 && (
        <View className="picker-row">
          {circles.map((c) => (
            <View key={c.id} className={`chip ${c.id === circleId ? 'active' : ''}`} data-circle-id={c.id} hoverClass="pressed" onClick={() => setCircleId(c.id)}>
              <Text>{c.name.replace('一刻钟便民生活圈', '')}</Text>
            </View>
          ))}
        </View>
      )}
      <View className="picker-row">
        {circle?.communities.map((m) => (
          <View
            key={m.id}
            className={`chip ${choice?.compoundId === m.id ? 'active' : ''}`}
            data-community-id={m.id}
            hoverClass="pressed"
            onClick={() => onPick({ circleId: circleId, compoundId: m.id })}
          >
            <Text>{m.name}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

const walk = (n: NearestOutlet) => `步行${n.minutes}分钟（老人慢走约${n.elderMinutes}分钟）`;

function Around({ view }: { view: CompoundView }) {
  const open = (n: NearestOutlet) => Taro.navigateTo({ url: ROUTES.outlet(n.id) });
  return (
    <>
      <View className="card" data-testid="around-within">
        <Text className="card-title">{view.compound.name} · 步行15分钟内有</Text>
        <Text className={`around-count ${view.within.length ? 'ok' : 'no'}`}>{view.within.length}类服务</Text>
        {view.within.length ? (
          view.within.map((w) => (
            <View key={w.type} className="type-row tappable" data-type={w.type} hoverClass="pressed" onClick={() => open(w.nearest)}>
              <Text className="type-row-name">{w.name}</Text>
              <Text className="type-row-nearest">
                最近：{w.nearest.name}，{walk(w.nearest)}
                {w.nearest.unverified ? '（信息待确认）' : ''} ›
              </Text>
            </View>
          ))
        ) : (
          <Text className="muted">步行15分钟内还没有登记的便民服务</Text>
        )}
      </View>
      <View className="card" data-testid="around-missing">
        <Text className="card-title">步行15分钟内还没有</Text>
        <Text className={`around-count ${view.missing.length ? 'no' : 'ok'}`}>{view.missing.length}类服务</Text>
        {view.missing.map((m) => (
          <View key={m.type} className={`type-row ${m.nearest ? 'tappable' : ''}`} data-type={m.type} hoverClass={m.nearest ? 'pressed' : 'none'} onClick={() => m.nearest && open(m.nearest)}>
            <Text className="type-row-name">{m.name}</Text>
            <Text className="type-row-nearest">
              {m.nearest ? `最近的在更远处：${m.nearest.name}，${walk(m.nearest)}${m.nearest.closed ? '（暂停营业）' : ''}` : '步行30分钟内也没有'}
            </Text>
          </View>
        ))}
      </View>
      <Text className="muted">按步行时间估算（直线距离折算绕行）。缺少哪类服务，可以告诉社区工作者。</Text>
    </>
  );
}
