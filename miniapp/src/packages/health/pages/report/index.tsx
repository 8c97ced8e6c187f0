import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DEFAULT_PROFILE_ID } from '@shared/health/standards';
import type { CircleHealth, Pace, TimeMode } from '@shared/health/types';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { ErrorState } from '@/components/StateView';
import { recordTime } from '@/services/dates';
import { hasRole } from '@/services/roles';
import { ROUTES } from '@/services/routes';
import { useReloadOnShow } from '@/services/use-reload-on-show';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { getCircleHealth } from '../../api';
import { ExportBar } from '../../components/ExportBar';
import { GapList } from '../../components/GapList';
import { GradeCard } from '../../components/GradeCard';
import { HeatLegend, HeatTable } from '../../components/HeatTable';
import { ModeSwitch, ProfileSwitch } from '../../components/ModeSwitch';
import { TrendCard } from '../../components/TrendCard';
import { PACE_NAMES, STATUS_NAMES, TIME_NAMES } from '../../view/report-view';
import '../../health.scss';

/**
 * 圈子体检: the worker's report of their circle — the grade and its points, the compound × type heat table
 * at either pace and time mode, 缺什么补什么 with siting hints, the trend, the CSV and the print.
 */
export default function HealthReportPage() {
  const { user } = useAppState();
  const circleId = user?.circleId ?? '';
  const [profile, setProfile] = useState(DEFAULT_PROFILE_ID);
  const report = useRequest(() => getCircleHealth(circleId, profile), [circleId, profile], hasRole(user, 'worker') && !!circleId);
  useReloadOnShow(report);
  return (
    <Page className="health-report">
      <RoleGate role="worker" what="查看圈子体检" denied="圈子体检只对社区工作者开放">
        {circleId ? (
          <>
            <ProfileSwitch profile={profile} onChange={setProfile} />
            <Async request={report} loadingText="正在体检，请稍候…">
              {(r) => <Report report={r} profile={profile} />}
            </Async>
          </>
        ) : (
          <ErrorState message="您的账号还没有关联生活圈，请联系街道管理员" />
        )}
      </RoleGate>
    </Page>
  );
}

function Report({ report, profile }: { report: CircleHealth; profile: string }) {
  const [pace, setPace] = useState<Pace>(report.basis.pace);
  const [time, setTime] = useState<TimeMode>(report.basis.time);
  const openCompound = (id: string) => Taro.navigateTo({ url: ROUTES.healthCompound(id, profile) });
  const { totals, basis } = report;
  return (
    <>
      <Text className="print-only print-title">{report.circleName} · 体检报告</Text>
      <View className="card rule-note" data-testid="report-head">
        <Text className="card-title">{report.circleName}</Text>
        <Text data-testid="profile-name">评价标准：{report.profile.name}</Text>
        <Text className="rule-line" data-testid="walking-rule">
          步行规则：{report.profile.rule}
        </Text>
        <Text className="rule-line">
          {report.compounds.length}个小区，居民{totals.residents}人（60岁以上{totals.elders}人），{totals.households}户；计入网点{report.outletsCounted}个
          {report.unverifiedOutlets ? `（其中${report.unverifiedOutlets}个一年多未确认，单独计）` : ''}
        </Text>
        <Text className="rule-line">
          评分与缺口按{PACE_NAMES[basis.pace]}、{TIME_NAMES[basis.time]}计 · 算于{recordTime(report.computedAt)}
        </Text>
      </View>

      <GradeCard grade={report.grade} />

      <View className="section-title">
        <Text>各业态 × 小区</Text>
        <Text className="section-count">{PACE_NAMES[pace]} · {TIME_NAMES[time]}</Text>
      </View>
      <ModeSwitch pace={pace} time={time} onPace={setPace} onTime={setTime} />
      <View className="card">
        <HeatLegend />
        <HeatTable report={report} pace={pace} time={time} onCompound={openCompound} />
        <Text className="muted">标“假设”的业态：标准原文未核对，时限或层级按笔记推定。</Text>
      </View>

      <View className="section-title">
        <Text>各小区</Text>
        <Text className="section-count">点小区看详情、改人口数据</Text>
      </View>
      <View className="card">
        {report.compounds.map((c) => {
          const count = { met: 0, thin: 0, missing: 0 };
          for (const cell of c.cells) count[cell[basis.pace][basis.time].status] += 1;
          return (
            <View key={c.id} className="compound-row" data-compound={c.id} hoverClass="pressed" onClick={() => openCompound(c.id)}>
              <View className="compound-main">
                <Text className="compound-name">{c.name}</Text>
                <Text className="muted">
                  {c.households}户 · {c.residents}人 · 60岁以上{c.elders}人
                </Text>
                <View className="compound-counts">
                  {(['met', 'thin', 'missing'] as const).map((s) => (
                    <Text key={s} className={`status-pill ${s}`}>
                      {STATUS_NAMES[s]}
                      {count[s]}
                    </Text>
                  ))}
                </View>
              </View>
              <Text className="muted">›</Text>
            </View>
          );
        })}
      </View>

      <View className="section-title">
        <Text>缺什么补什么</Text>
        <Text className="section-count">共{report.gaps.length}项</Text>
      </View>
      <GapList report={report} onCompound={openCompound} />

      <TrendCard trend={report.trend} types={report.types} />
      <ExportBar circleId={report.circleId} circleName={report.circleName} profile={profile} />
    </>
  );
}
