import { useMemo, useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Circle } from '@shared/api';
import { FINDABLE_STATUSES, statusOf } from '@shared/outlets';
import { PIN_MOVE_REVIEW_METRES, PRICE_CHANGE_REVIEW_RATIO } from '@shared/revisions';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { ErrorState } from '@/components/StateView';
import { both } from '@/services/request-view';
import { ROUTES } from '@/services/routes';
import { useMutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';
import { getApplication, loadCircles, reviseOutlet, type Application, type RevisionResult } from '../../api';
import { checkForm, formOf, type ApplicationForm } from '../../form/application-form';
import { changeLines } from '../../form/changes';
import { previewRevision } from '../../form/revision-preview';
import { ApplicationFields } from '../../components/ApplicationFields';
import { ChangeList } from '../../components/ChangeList';
import '@/styles/points.scss';
import '../../supply.scss';

/** A listed outlet's edit: it stays on the map; low-risk changes publish at once, the rest wait for the worker. */
export default function RevisePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const app = useRequest(() => getApplication(id), [id], !!id);
  const circles = useRequest(loadCircles, []);
  if (!id) return <Page><ErrorState message="没有指定网点" /></Page>;
  return (
    <Page className="supply-revise">
      <RoleGate role="merchant" what="修改网点信息" denied="网点进图后，商户才能修改信息">
        <Async request={both(app, circles)}>
          {([a, { items }]) =>
            FINDABLE_STATUSES.includes(statusOf(a.outlet)) ? <ReviseForm current={a} circles={items} /> : <ErrorState message="网点还未进图或已暂停，请在“我的网点”里查看" />
          }
        </Async>
      </RoleGate>
    </Page>
  );
}

function ReviseForm({ current, circles }: { current: Application; circles: Circle[] }) {
  const [form, setForm] = useState<ApplicationForm>(() => formOf(current.outlet, current.services));
  const [problem, setProblem] = useState<string | null>(null);
  const checked = useMemo(() => checkForm(form), [form]);
  // Told while editing, by the server's own rule, so nobody is surprised that a change waits.
  const preview = checked.application ? previewRevision(current, checked.application) : null;
  const [result, setResult] = useState<RevisionResult | null>(null);
  const send = useMutation(reviseOutlet, { errors: 'inline', done: (r) => (r.pending ? '已提交审核' : '已发布'), after: setResult });
  const set = (patch: Partial<ApplicationForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblem(null);
    send.reset();
  };
  const submit = () => {
    setProblem(checked.problem);
    if (checked.application) send.run(current.outlet.id, checked.application);
  };
  const error = problem ?? send.error;
  const nothing = preview && !preview.now.length && !preview.waiting.length;
  if (result) return <RevisionDone outletId={current.outlet.id} result={result} />;

  return (
    <View className="apply-form">
      <View className="notice">
        <Text>
          营业时间、电话、地址说明、新增项目和{PRICE_CHANGE_REVIEW_RATIO * 100}%以内的调价，保存后立即生效；改名称、类别、经营依据，位置挪动超过{PIN_MOVE_REVIEW_METRES}米，或调价超过{PRICE_CHANGE_REVIEW_RATIO * 100}%，要等社区审核，审核前居民看到的仍是原来的信息。
        </Text>
      </View>
      {current.outlet.pendingRevisionId && (
        <View className="notice" data-testid="replaces-pending">
          <Text>您已有一项修改在等待社区审核。这次保存后，以这次填写的为准，原来那项不再等待审核。</Text>
        </View>
      )}
      <ApplicationFields form={form} set={set} circles={circles} circleLocked onProblem={setProblem} />
      <View className="form-footer">
        {preview && (preview.now.length > 0 || preview.waiting.length > 0) && (
          <View className="card" data-testid="revision-preview">
            {preview.now.length > 0 && (
              <>
                <Text className="card-title">保存后立即生效</Text>
                <ChangeList lines={preview.now} testId="preview-now" />
              </>
            )}
            {preview.waiting.length > 0 && (
              <>
                <Text className="card-title">需要社区审核</Text>
                <ChangeList lines={preview.waiting} testId="preview-waiting" />
              </>
            )}
          </View>
        )}
        {error && (
          <View className="confirm-error" role="alert" data-testid="revise-error">
            <Text>{error}</Text>
          </View>
        )}
        <Button className="big-button wide-button" type="primary" disabled={!!nothing} loading={send.busy} data-testid="send-revision" onClick={submit}>
          {nothing ? '还没有改动' : '保存修改'}
        </Button>
      </View>
    </View>
  );
}

/** What the edit did: the server's own answer, split into what residents see now and what waits. */
function RevisionDone({ outletId, result }: { outletId: string; result: RevisionResult }) {
  const { now, waiting } = changeLines(result.changes);
  return (
    <View className="card" data-testid="revision-result">
      <Text className="card-title">{result.pending ? '已保存，部分修改等待社区审核' : '修改已发布'}</Text>
      {now.length > 0 && (
        <>
          <Text className="field-label">已经生效，居民现在就能看到</Text>
          <ChangeList lines={now} testId="result-now" />
        </>
      )}
      {waiting.length > 0 && (
        <>
          <Text className="field-label">等待社区审核（审核前居民看到的仍是原来的）</Text>
          <ChangeList lines={waiting} testId="result-waiting" />
        </>
      )}
      {!now.length && !waiting.length && <Text className="muted">没有改动</Text>}
      <Button className="big-button wide-button" type="primary" data-testid="back-to-outlet" onClick={() => Taro.redirectTo({ url: ROUTES.myOutlet(outletId) })}>
        返回我的网点
      </Button>
    </View>
  );
}
