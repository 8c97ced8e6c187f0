import { useState } from 'react';
import { View, Text, Input, Textarea } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Circle, FamilyLink } from '@shared/api';
import { NEED_KINDS, NEED_LIMITS, type NeedKind } from '@shared/needs';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { ROUTES } from '@/services/routes';
import { useMutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { fileNeed, getFamilyLinks, getNeeds, loadCircles, type NewNeedBody } from '../../api';
import { readChoice, saveChoice } from '../../choice';
import { CompoundChips } from '../../components/CompoundChips';
import { StateTag } from '../../components/NeedCard';
import { SupportButton } from '../../components/SupportButton';
import { formProblem, KIND_HINTS, KIND_LIST, neighbouringCompounds, similarNeeds } from '../../view/needs-view';
import '@/styles/points.scss';
import '../../needs.scss';

/** 提需求: kind, title, what it is about, my compound, anonymous or not — with the like needs already filed. */
export default function NewNeedPage() {
  const circles = useRequest(loadCircles, []);
  return (
    <Page className="needs-new-page">
      <RoleGate what="提需求">
        <Async request={circles} loadingText="正在读取小区…">
          {({ items }) => <NeedFormView circles={items} />}
        </Async>
      </RoleGate>
    </Page>
  );
}

function NeedFormView({ circles }: { circles: Circle[] }) {
  const { params } = useRouter();
  const { user, place } = useAppState();
  const stored = readChoice();
  const inCircle = (circleId: string | undefined, compoundId: string | null | undefined) =>
    !!circleId && !!compoundId && !!circles.find((c) => c.id === circleId)?.communities.some((m) => m.id === compoundId);
  const circleOf = (compoundId: string | undefined) => circles.find((c) => c.communities.some((m) => m.id === compoundId))?.id;
  // Where the list was, else the compound picked before, else the compound chosen as the resident's place.
  const start = params.compoundId && circleOf(params.compoundId)
    ? { circleId: circleOf(params.compoundId)!, compoundId: params.compoundId }
    : stored && inCircle(stored.circleId, stored.compoundId)
      ? { circleId: stored.circleId, compoundId: stored.compoundId }
      : place?.source === 'community' && inCircle(place.circleId, place.communityId)
        ? { circleId: place!.circleId!, compoundId: place!.communityId! }
        : { circleId: circles[0]?.id ?? '', compoundId: null };
  const [circleId, setCircleId] = useState(start.circleId);
  const [compoundId, setCompoundId] = useState<string | null>(start.compoundId);
  const [kind, setKind] = useState<NeedKind | null>(null);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [forUserId, setForUserId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const family = useRequest(getFamilyLinks, [user?.id], !!user);
  const elders: FamilyLink[] = (family.data?.asFamily ?? []).filter((l) => l.state === 'confirmed');
  // The circle's needs, newest first: the duplicate suggestion is worked out here from the title as typed, over
  // this compound and those within a 10-minute walk of it.
  const nearby = useRequest(() => getNeeds(circleId, { sort: 'new' }), [circleId], !!circleId);
  const communities = circles.find((c) => c.id === circleId)?.communities ?? [];
  const compoundName = communities.find((m) => m.id === compoundId)?.name;
  const alike = kind && compoundId ? similarNeeds(title, nearby.data?.items ?? [], { kind, compoundId, compoundName, neighbours: neighbouringCompounds(communities, compoundId) }) : [];

  const submit = useMutation(fileNeed, {
    // The same need sent again (a retry after a timeout) carries the same key, so it is filed once.
    intent: (body) => JSON.stringify(body),
    errors: 'inline',
    done: '已提交',
    after: (n) => Taro.redirectTo({ url: ROUTES.need(n.id) }),
  });
  const edit = (fn: () => void) => {
    fn();
    setProblem(null);
    submit.reset();
  };
  const send = () => {
    const p = formProblem({ compoundId, kind, title, text });
    if (p) {
      setProblem(p);
      return;
    }
    saveChoice({ circleId, compoundId });
    const body: NewNeedBody = { circleId, compoundId: compoundId!, kind: kind!, title: title.trim(), text: text.trim(), ...(anonymous ? { anonymous: true } : {}), ...(forUserId ? { forUserId } : {}) };
    submit.run(body);
  };
  const error = problem ?? submit.error;

  return (
    <>
      <View className="card" data-testid="need-compound">
        <Text className="card-title">您住在哪个小区？</Text>
        <Text className="muted">只公开到小区，不显示楼号门牌。</Text>
        <CompoundChips
          circles={circles}
          circleId={circleId}
          compoundId={compoundId}
          onCircle={(id) => edit(() => { setCircleId(id); setCompoundId(null); })}
          onCompound={(id) => edit(() => setCompoundId(id))}
        />
      </View>

      <View className="card" data-testid="need-kind">
        <Text className="card-title">是哪方面的事？</Text>
        <View className="filters">
          {KIND_LIST.map((k) => (
            <View key={k} className={`chip ${kind === k ? 'active' : ''}`} data-kind={k} hoverClass="pressed" onClick={() => edit(() => setKind(k))}>
              <Text>{NEED_KINDS[k]}</Text>
            </View>
          ))}
        </View>
        {kind && <Text className="muted">{KIND_HINTS[kind]}</Text>}
      </View>

      <View className="card">
        <Text className="card-title">一句话说清楚</Text>
        <Input className="text-input" data-testid="need-title-input" value={title} placeholder="如：3号楼前的路灯不亮" maxlength={NEED_LIMITS.titleMax} onInput={(e) => edit(() => setTitle(e.detail.value))} />
        <Text className="count-line">
          {[...title].length}/{NEED_LIMITS.titleMax}
        </Text>
        <Text className="field-label">具体情况</Text>
        <Textarea className="text-area" data-testid="need-text-input" value={text} placeholder="在哪里、多久了、影响了谁" maxlength={NEED_LIMITS.textMax} onInput={(e) => edit(() => setText(e.detail.value))} />
        <Text className="count-line">
          {[...text].length}/{NEED_LIMITS.textMax}
        </Text>
      </View>

      {alike.length > 0 && (
        <View className="card similar-card" data-testid="similar">
          <Text className="card-title">邻居已经提过类似的</Text>
          <Text className="muted">支持已有的诉求，比重复提交更快得到处理。</Text>
          {alike.map((n) => (
            <View key={n.id} className="similar-row" data-need-id={n.id}>
              <View className="need-card-head">
                <Text className="need-title">{n.title}</Text>
                <StateTag need={n} />
              </View>
              <Text className="need-supports">{n.supports > 0 ? `${n.supports}位居民也需要` : '还没有人支持'}</Text>
              <View className="similar-foot">
                <View className="chip-button" hoverClass="pressed" data-testid="similar-open" onClick={() => Taro.navigateTo({ url: ROUTES.need(n.id) })}>
                  <Text>看详情</Text>
                </View>
                <SupportButton need={n} label="支持这条" onChanged={nearby.reload} />
              </View>
            </View>
          ))}
        </View>
      )}

      <View className="card">
        <View className="switch-row" hoverClass="pressed" role="switch" aria-checked={anonymous} data-testid="need-anonymous" onClick={() => edit(() => setAnonymous(!anonymous))}>
          <View className="switch-text">
            <Text>匿名提交</Text>
            <Text className="muted">其他居民看不到您的名字（社区工作者可以看到，方便联系您）</Text>
          </View>
          <Text className={`switch ${anonymous ? 'on' : ''}`}>{anonymous ? '已开启' : '已关闭'}</Text>
        </View>
        {elders.length > 0 && (
          <>
            <Text className="field-label">替谁提</Text>
            <View className="filters">
              <View className={`chip ${forUserId === null ? 'active' : ''}`} hoverClass="pressed" onClick={() => edit(() => setForUserId(null))}>
                <Text>自己</Text>
              </View>
              {elders.map((l) => (
                <View key={l.elderId} className={`chip ${forUserId === l.elderId ? 'active' : ''}`} data-elder-id={l.elderId} hoverClass="pressed" onClick={() => edit(() => setForUserId(l.elderId))}>
                  <Text>{l.elderName}</Text>
                </View>
              ))}
            </View>
          </>
        )}
      </View>

      {error && (
        <View className="confirm-error" role="alert" data-testid="need-error">
          <Text>{error}</Text>
        </View>
      )}
      <Button className="big-button confirm-button" type="primary" data-testid="submit-need" loading={submit.busy} onClick={send}>
        {alike.length ? '仍要提交新的诉求' : '提交'}
      </Button>
      <Text className="muted">每人每天最多提交{NEED_LIMITS.perDayNeeds}条。社区会在1个工作日内签收。</Text>
    </>
  );
}
