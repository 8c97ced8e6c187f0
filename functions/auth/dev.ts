/**
 * Dev sign-in (pick a demo user) exists only for the local stack. It needs both the local stage and
 * serverless-offline's IS_OFFLINE flag; real Lambda never sets IS_OFFLINE, so a deployed stage cannot
 * enable it even if someone deploys with --stage local.
 */
export function devSignInAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.STAGE === 'local' && env.IS_OFFLINE === 'true' && !env.AWS_EXECUTION_ENV;
}
