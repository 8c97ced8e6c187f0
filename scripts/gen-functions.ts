/** Writes serverless.functions.yml from the handlers' own specs (see functions/deploy.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { deployedFunctions, functionsYaml } from '../functions/deploy';

const file = path.resolve(__dirname, '..', 'serverless.functions.yml');
const fns = deployedFunctions();
fs.writeFileSync(file, functionsYaml(fns));
console.log(`serverless.functions.yml: ${fns.length} functions`);
