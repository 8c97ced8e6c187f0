/** `serverless package` must produce a deployable stack without AWS credentials or network. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../scripts/stack';
import { deployedFunctions } from '../../functions/deploy';

jest.setTimeout(180_000);

let template: any;
beforeAll(() => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ykz-package-'));
  const env: NodeJS.ProcessEnv = { ...process.env, SLS_TELEMETRY_DISABLED: '1', ESBUILD_WORK_FOLDER: `.esbuild/package-${process.pid}` };
  for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_PROFILE', 'DYNAMODB_ENDPOINT']) delete env[k];
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/serverless/bin/serverless.js'), 'package', '--stage', 'prod', '--package', out], { cwd: ROOT, env, stdio: 'pipe' });
  template = JSON.parse(fs.readFileSync(path.join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
});

const resources = () => Object.entries(template.Resources as Record<string, any>);

it('declares the table with its key schema and indexes', () => {
  const table = template.Resources.AppTable;
  expect(table.Type).toBe('AWS::DynamoDB::Table');
  expect(table.Properties.TableName).toBe('yikezhong-prod');
  expect(table.Properties.GlobalSecondaryIndexes.map((g: any) => g.IndexName)).toEqual(['GSI1', 'GSI2', 'GSI3']);
});

it('gives every function its own narrow role: no dynamodb:*, no Scan, no wildcard resources', () => {
  const functions = resources().filter(([, r]) => r.Type === 'AWS::Lambda::Function');
  expect(functions.length).toBeGreaterThanOrEqual(8);
  for (const [, fn] of functions) expect(fn.Properties.Role).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/Role$/), 'Arn'] });
  const roles = resources().filter(([, r]) => r.Type === 'AWS::IAM::Role');
  const statements = roles.flatMap(([, r]) => (r.Properties.Policies ?? []).flatMap((p: any) => p.PolicyDocument.Statement));
  const actions = statements.flatMap((s: any) => [s.Action].flat());
  expect(actions.some((a: string) => a === '*' || a === 'dynamodb:*')).toBe(false);
  expect(actions).not.toContain('dynamodb:Scan');
  for (const s of statements.filter((st: any) => [st.Action].flat().some((a: string) => a.startsWith('dynamodb:')))) {
    expect(JSON.stringify(s.Resource)).toContain('AppTable');
  }
});

it('routes every endpoint through the HTTP API and deploys with STAGE=prod (dev sign-in off)', () => {
  const routes = resources().filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey);
  expect(routes).toEqual(expect.arrayContaining(['GET /outlets/nearby', 'GET /outlets/{id}', 'POST /auth/wechat', 'GET /me', 'GET /categories', 'GET /circles']));
  // Every route a handler declares is deployed, each as its own function with the role it declares.
  const declared = deployedFunctions().filter((f) => f.route);
  expect([...routes].sort()).toEqual(declared.map((f) => f.route).sort());
  const lambdas = Object.fromEntries(resources().filter(([, r]) => r.Type === 'AWS::Lambda::Function').map(([k, r]) => [k, r]));
  for (const f of deployedFunctions()) {
    const logicalId = `${f.fn[0].toUpperCase()}${f.fn.slice(1)}LambdaFunction`;
    expect(lambdas[logicalId]?.Properties.Role).toEqual({ 'Fn::GetAtt': [f.role, 'Arn'] });
  }
  const devFn = resources().find(([k]) => k.startsWith('AuthDevLambdaFunction'))![1];
  expect(devFn.Properties.Environment.Variables.STAGE).toBe('prod');
  expect(devFn.Properties.Environment.Variables.DYNAMODB_ENDPOINT).toBe('');
  expect(devFn.Properties.Timeout).toBe(10);
});

it('keeps the points ledger append-only and runs the daily expiry job', () => {
  const routes = resources().filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey);
  expect(routes).toEqual(expect.arrayContaining(['POST /redemptions', 'GET /points/passbook', 'POST /activities/{id}/check-in', 'POST /station/outlets/{id}/handover']));
  const pointsRole = template.Resources.PointsRole;
  const actions = pointsRole.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement).flatMap((s: any) => [s.Action].flat());
  expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem']));
  expect(actions).not.toContain('dynamodb:DeleteItem');
  const redeem = resources().find(([k]) => k.startsWith('RedeemLambdaFunction'))![1];
  expect(redeem.Properties.Role).toEqual({ 'Fn::GetAtt': ['PointsRole', 'Arn'] });
  const schedule = resources().find(([, r]) => r.Type === 'AWS::Events::Rule')![1];
  expect(schedule.Properties.ScheduleExpression).toBe('cron(10 16 * * ? *)');
});
