import fs from 'node:fs';
import path from 'node:path';
import { deployedFunctions, functionsYaml } from './deploy';

const fns = deployedFunctions();

describe('every function declared once, beside its handler', () => {
  it('serverless.functions.yml is what the handlers declare (run `npm run gen:functions` after changing a route)', () => {
    expect(fs.readFileSync(path.join(__dirname, '..', 'serverless.functions.yml'), 'utf8')).toBe(functionsYaml(fns));
  });

  it('gives each function a unique name and each route a unique METHOD /path', () => {
    const names = fns.map((f) => f.fn);
    expect(new Set(names).size).toBe(names.length);
    const routes = fns.flatMap((f) => (f.route ? [f.route] : []));
    expect(new Set(routes).size).toBe(routes.length);
    for (const r of routes) expect(r).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/[\w\-/{}.]*$/);
  });

  it('deploys every handler a feature exports, with a role, and the daily points expiry', () => {
    expect(fns.length).toBeGreaterThanOrEqual(54);
    for (const f of fns) expect(f.role).toMatch(/Role$/);
    expect(fns.find((f) => f.fn === 'pointsExpiry')).toMatchObject({ schedule: 'cron(10 16 * * ? *)', role: 'PointsRole' });
    // A handler module exports nothing but its routes: an export without a spec would never be deployed.
    for (const dir of fs.readdirSync(__dirname)) {
      const file = path.join(__dirname, dir, 'handlers.ts');
      if (!fs.existsSync(file)) continue;
      const exported = [...fs.readFileSync(file, 'utf8').matchAll(/^export const (\w+) = route\(/gm)].map((m) => `functions/${dir}/handlers.${m[1]}`);
      expect(exported.length).toBeGreaterThan(0);
      for (const handler of exported) expect(fns.map((f) => f.handler)).toContain(handler);
    }
  });
});
