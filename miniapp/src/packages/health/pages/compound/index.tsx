import { useState } from 'react';
import { View, Text, Input } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { DEFAULT_PROFILE_ID } from '@shared/health/standards';
import type { CellStatus, TimeMode } from '@shared/health/types';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { ErrorState } from '@/components/StateView';
import { recordTime } from '@/services/dates';
import { hasRole } from '@/services/roles';
import { ROUTES } from '@/services/routes';
import { useMutation } from '@/services/use-mutation';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { getCompoundHealth, saveFigures, type CompoundReport } from '../../api';
import { TypeTags } from '../../components/ModeSwitch';
import { compoundRows, figuresBody, figuresForm, limitText, plainProblem, STATUS_NAMES, TIME_NAMES, type CompoundRow, type FiguresForm } from '../../view/report-view';
import '@/styles/points.scss';
import '../../health.scss';

const SECTIONS: Array<{ status: CellStatus; title: string }> = [
  { status: 'missing', title: '缺失：时限内没有' },
  { status: 'thin', title: '薄弱：只有1处或只有未核实的' },
  { status: 'met', title: '达标' },
];

/** One compound of the worker's circle: each type met or not at both paces with its nearest outlet, and its figures. */
export default function CompoundHealthPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const profile = params.profile || DEFAULT_PROFILE_ID;
  const { user } = useAppState();
  const circleId = user?.circleId ?? '';
  const report = useRequest(() => getCompoundHealth(circleId, id, profile), [circleId, id, profile], hasRole(user, 'worker') && !!circleId && !!id);
  useReloadOnShow(report);
  if (!id) return <Page><ErrorState message="没有指定小区" /></Page>;
  return (
    <Page className="health-compound">
      <RoleGate role="worker" what="查看小区体检" denied="小区体检只对社区工作者开放">
        {circleId ? (
          <Async request={report} loadingText="正在读取小区…">
            {(r) => <Compound report={r} onSaved={report.reload} />}
          </Async>
        ) : (
          <ErrorState message="您的账号还没有关联生活圈，请联系街道管理员" />
        )}
      </RoleGate>
    </Page>
  );
}

function Compound({ report, onSaved }: { report: CompoundReport; onSaved(): void }) {
  const [time, setTime] = useState<TimeMode>('window');
  const [editing, setEditing] = useState(false);
  const c = report.compound;
  const rows = compoundRows(report.types, c, time);
  return (
    <>
      <View className="detail-head" data-testid="compound-head" data-compound={c.id}>
        <Text className="detail-name">{c.name}</Text>
        <Text className="figures-line">
          {c.households}户 · {c.residents}人 · 60岁以上{c.elders}人（{Math.round(c.elderlyShare * 100)}%）
        </Text>
        <Text className="muted">
          {report.circleName} · {report.profile.name}
        </Text>
        <Text className="rule-line">步行规则：{report.profile.rule}</Text>
        {!editing && (
          <View className="chip-button" data-testid="edit-figures" hoverClass="pressed" onClick={() => setEditing(true)}>
            <Text>修改人口数据</Text>
          </View>
        )}
      </View>
      {editing && (
        <FiguresEditor
          report={report}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onSaved();
          }}
        />
      )}
      <View className="mode-row">
        {(['window', 'any'] as const).map((t) => (
          <View key={t} className={`chip ${time === t ? 'active' : ''}`} data-time={t} hoverClass="pressed" onClick={() => setTime(t)}>
            <Text>{TIME_NAMES[t]}</Text>
          </View>
        ))}
      </View>
      {SECTIONS.map(({ status, title }) => (
        <View key={status} className="card" data-testid={`types-${status}`}>
          <View className="section-title">
            <Text>{title}</Text>
            <Text className="section-count">{rows[status].length}类</Text>
          </View>
          {rows[status].length ? rows[status].map((row) => <TypeLine key={row.type.type} row={row} />) : <Text className="muted">没有</Text>}
        </View>
      ))}
    </>
  );
}

function TypeLine({ row }: { row: CompoundRow }) {
  const { type, nearest } = row;
  return (
    <View
      className={`type-row ${nearest ? 'tappable' : ''}`}
      data-type={type.type}
      data-adult={row.adult}
      data-elder={row.elder}
      hoverClass={nearest ? 'pressed' : 'none'}
      onClick={() => nearest && Taro.navigateTo({ url: ROUTES.outlet(nearest.id) })}
    >
      <View className="type-row-head">
        <View className="type-row-name">
          <Text>{type.name}</Text>
          <TypeTags required={type.required} assumption={type.assumption} window={type.window} />
        </View>
        <View className="type-row-paces">
          <Text className={`status-pill ${row.adult}`}>成人{STATUS_NAMES[row.adult]}</Text>
          <Text className={`status-pill ${row.elder}`}>长者{STATUS_NAMES[row.elder]}</Text>
        </View>
      </View>
      <Text className="type-row-nearest">
        {nearest ? `最近：${nearest.name} · ${row.walk}` : row.walk}
        {nearest?.unverified ? '（一年多未确认）' : ''}
        {nearest?.closed ? '（暂停营业）' : ''} · 时限{limitText(type)}
      </Text>
    </View>
  );
}

/** The worker keeps the compound's households, residents and 60+ share; the server checks them. */
function FiguresEditor({ report, onSaved, onClose }: { report: CompoundReport; onSaved(): void; onClose(): void }) {
  const c = report.compound;
  const [form, setForm] = useState<FiguresForm>(() => figuresForm(c));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation((body: Parameters<typeof saveFigures>[2]) => saveFigures(report.circleId, c.id, body), { errors: 'inline', done: '已保存', after: onSaved });
  const set = (patch: Partial<FiguresForm>) => {
    setForm({ ...form, ...patch });
    setProblem(null);
    save.reset();
  };
  const send = () => {
    const { body, problem: p } = figuresBody(form);
    setProblem(p);
    if (body) save.run(body);
  };
  const error = problem ?? (save.error ? plainProblem(save.error) : null);
  return (
    <View className="card" data-testid="figures-form">
      <Text className="card-title">小区人口数据</Text>
      <Text className="muted">用于按人口计算覆盖率和缺口排序{c.updatedAt ? `；上次修改：${recordTime(c.updatedAt)}` : ''}</Text>
      <View className="form-pair">
        <View className="form-cell">
          <Text className="field-label">户数</Text>
          <Input className="text-input" type="number" data-testid="figures-households" value={form.households} maxlength={6} onInput={(e) => set({ households: e.detail.value })} />
        </View>
        <View className="form-cell">
          <Text className="field-label">居民人数</Text>
          <Input className="text-input" type="number" data-testid="figures-residents" value={form.residents} maxlength={6} onInput={(e) => set({ residents: e.detail.value })} />
        </View>
      </View>
      <Text className="field-label">60岁以上占比（%）</Text>
      <Input className="text-input" type="digit" data-testid="figures-elder" value={form.elderPercent} maxlength={5} onInput={(e) => set({ elderPercent: e.detail.value })} />
      {error && (
        <View className="confirm-error" role="alert" data-testid="figures-error">
          <Text>{error}</Text>
        </View>
      )}
      <Button className="big-button wide-button" type="primary" loading={save.busy} data-testid="save-figures" onClick={send}>
        保存
      </Button>
      <Button className="big-button wide-button" data-testid="close-figures" onClick={onClose}>
        取消
      </Button>
    </View>
  );
}
