import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { Circle } from '@shared/api';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { getFigures, loadCircles, type NeedFigures } from '../../api';
import { readChoice } from '../../choice';
import { FIGURES, figureText, monthLabel, recentMonths } from '../../view/needs-view';
import '../../needs.scss';

/** 需求公开数据: a circle's figures for a month, computed by the server from every need's history. */
export default function FiguresPage() {
  const circles = useRequest(loadCircles, []);
  return (
    <Page className="needs-figures">
      <Async request={circles} loadingText="正在读取生活圈…">
        {({ items }) => <Figures circles={items} />}
      </Async>
    </Page>
  );
}

function Figures({ circles }: { circles: Circle[] }) {
  const { params } = useRouter();
  const { user, place } = useAppState();
  const known = (id: string | undefined) => (id && circles.some((c) => c.id === id) ? id : undefined);
  const [circleId, setCircleId] = useState(known(params.circleId) ?? known(readChoice()?.circleId) ?? known(user?.circleId) ?? known(place?.circleId) ?? circles[0]?.id ?? '');
  const months = recentMonths(6);
  const [month, setMonth] = useState(months[0]);
  const figures = useRequest(() => getFigures(circleId, month), [circleId, month], !!circleId);
  const circle = circles.find((c) => c.id === circleId);
  return (
    <>
      {circles.length > 1 && (
        <View className="filters">
          {circles.map((c) => (
            <View key={c.id} className={`chip ${c.id === circleId ? 'active' : ''}`} data-circle-id={c.id} hoverClass="pressed" onClick={() => setCircleId(c.id)}>
              <Text>{c.name.replace('一刻钟便民生活圈', '')}</Text>
            </View>
          ))}
        </View>
      )}
      <View className="filters">
        {months.map((m, i) => (
          <View key={m} className={`chip ${m === month ? 'active' : ''}`} data-month={m} hoverClass="pressed" onClick={() => setMonth(m)}>
            <Text>{i === 0 ? '本月' : monthLabel(m).slice(5)}</Text>
          </View>
        ))}
      </View>
      <Async request={figures} loadingText="正在计算…">
        {(f) => <FigureGrid figures={f} circleName={circle?.name ?? ''} />}
      </Async>
    </>
  );
}

function FigureGrid({ figures, circleName }: { figures: NeedFigures; circleName: string }) {
  return (
    <>
      <View className="card" data-testid="figures-head" data-month={figures.month}>
        <Text className="card-title">
          {circleName} · {monthLabel(figures.month)}
        </Text>
        <Text data-testid="figures-submitted">
          本月收到居民诉求 <Text className="need-supports">{figures.submitted}</Text> 条
        </Text>
        {figures.submitted === 0 && <Text className="muted">这个月还没有居民提诉求，各项比例暂无。</Text>}
      </View>
      <View className="figure-grid">
        {FIGURES.map((d) => {
          const v = figures[d.key];
          return (
            <View key={d.key} className="figure" data-testid={`figure-${d.key}`} data-value={v === null ? '' : String(v)}>
              <Text className="figure-name">{d.name}</Text>
              <Text className={`figure-value ${v === null ? 'empty' : ''}`}>{figureText(d.key, v)}</Text>
              <Text className="figure-how">{d.how}</Text>
            </View>
          );
        })}
      </View>
      <Text className="muted footer-note">
        以上数据由系统根据每条诉求的办理记录自动计算，不能手工填写。重复、被屏蔽和受理前撤回的诉求不计入；“—”表示本月还没有可计算的诉求。
      </Text>
    </>
  );
}
