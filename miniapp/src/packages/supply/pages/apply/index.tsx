import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Circle } from '@shared/api';
import type { OutletApplication } from '@shared/schemas/outlet';
import { Page } from '@/components/Page';
import { Async } from '@/components/Async';
import { RoleGate } from '@/components/RoleGate';
import { both } from '@/services/request-view';
import { ROUTES } from '@/services/routes';
import { useMutation } from '@/services/use-mutation';
import { useRequest } from '@/services/use-request';
import { useAppState } from '@/state/app-state';
import { createApplication, getApplication, getMyOutlets, loadCircles, submitApplication, updateApplication } from '../../api';
import { checkForm, emptyForm, formOf, type ApplicationForm } from '../../form/application-form';
import { ApplicationFields } from '../../components/ApplicationFields';
import { StatusTag } from '../../components/StatusTag';
import '@/styles/points.scss';
import '../../supply.scss';

/** 我要入驻: a new application (saved as a draft, then sent for review), or `?id=` to finish one. */
export default function ApplyPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  return (
    <Page className="supply-apply">
      <RoleGate what="申请入驻">{id ? <EditDraft id={id} /> : <NewApplication />}</RoleGate>
    </Page>
  );
}

function NewApplication() {
  const { user, place } = useAppState();
  const circles = useRequest(loadCircles, []);
  const mine = useRequest(getMyOutlets, [user?.id]);
  return (
    <>
      {mine.data && mine.data.items.length > 0 && (
        <View className="notice" hoverClass="pressed" data-testid="existing-applications" onClick={() => Taro.navigateTo({ url: ROUTES.myOutlets })}>
          <Text>您已有{mine.data.items.length}个网点或申请：</Text>
          {mine.data.items.map((o) => (
            <View key={o.id} className="inline-status">
              <Text>{o.name}</Text>
              <StatusTag status={o.status} />
            </View>
          ))}
          <Text className="muted">点这里查看进度 ›</Text>
        </View>
      )}
      <Async request={circles}>
        {({ items }) => {
          // The circle the applicant lives in (or looked at last): a worker's own, else the place's, else the first.
          const circleId = user?.circleId ?? place?.circleId ?? items[0]?.id ?? '';
          return <ApplyForm circles={items} initial={emptyForm(circleId)} circleLocked={false} />;
        }}
      </Async>
    </>
  );
}

function EditDraft({ id }: { id: string }) {
  const app = useRequest(() => getApplication(id), [id]);
  const circles = useRequest(loadCircles, []);
  return (
    <Async request={both(app, circles)}>
      {([{ outlet, services }, { items }]) =>
        outlet.status === 'draft' || outlet.status === 'needs_changes' ? (
          <ApplyForm circles={items} initial={formOf(outlet, services)} savedId={id} circleLocked />
        ) : (
          <View className="state">
            <StatusTag status={outlet.status ?? 'submitted'} />
            <Text className="state-text">这份申请现在不能修改</Text>
            <Button className="big-button" type="primary" onClick={() => Taro.redirectTo({ url: ROUTES.myOutlet(id) })}>
              查看网点
            </Button>
          </View>
        )
      }
    </Async>
  );
}

function ApplyForm({ circles, initial, savedId: startId, circleLocked }: { circles: Circle[]; initial: ApplicationForm; savedId?: string; circleLocked: boolean }) {
  const [form, setForm] = useState(initial);
  const [savedId, setSavedId] = useState(startId);
  // What is wrong with the form is said when a button is tapped, and forgotten at the next edit.
  const [problem, setProblem] = useState<string | null>(null);

  /** The draft on the server: created once (the key makes a retry after a timeout answer with the same one), then updated. */
  const saveDraft = async (app: OutletApplication, key: string): Promise<string> => {
    if (savedId) return (await updateApplication(savedId, app)).outlet.id;
    const created = await createApplication(app, key);
    setSavedId(created.outlet.id);
    return created.outlet.id;
  };
  const intent = (app: OutletApplication) => JSON.stringify(app);
  const save = useMutation(saveDraft, { intent, errors: 'inline', done: '草稿已保存' });
  const submit = useMutation(
    async (app: OutletApplication, key: string) => {
      const outletId = await saveDraft(app, key);
      await submitApplication(outletId);
      return outletId;
    },
    { intent, errors: 'inline', done: '已提交审核', after: (outletId) => Taro.redirectTo({ url: ROUTES.myOutlet(outletId) }) },
  );

  const set = (patch: Partial<ApplicationForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblem(null);
    save.reset();
    submit.reset();
  };
  const send = (m: typeof save) => {
    const checked = checkForm(form);
    setProblem(checked.problem);
    if (checked.application) m.run(checked.application);
  };
  const error = problem ?? save.error ?? submit.error;

  return (
    <View className="apply-form">
      {initial.name && <Text className="muted form-intro">修改后请重新提交审核。</Text>}
      {!initial.name && <Text className="muted form-intro">填好后先保存草稿，确认无误再提交给社区审核；通过后网点就会出现在居民的地图和列表里。</Text>}
      <ApplicationFields form={form} set={set} circles={circles} circleLocked={circleLocked || !!savedId} onProblem={setProblem} />
      <View className="form-footer">
        {error && (
          <View className="confirm-error" role="alert" data-testid="apply-error">
            <Text>{error}</Text>
          </View>
        )}
        <View className="action-row">
          <Button className="big-button" loading={save.busy} data-testid="save-draft" onClick={() => send(save)}>
            保存草稿
          </Button>
          <Button className="big-button" type="primary" loading={submit.busy} data-testid="submit-application" onClick={() => send(submit)}>
            提交审核
          </Button>
        </View>
      </View>
    </View>
  );
}
