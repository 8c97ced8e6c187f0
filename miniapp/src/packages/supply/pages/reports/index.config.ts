export default definePageConfig({ navigationBarTitleText: '纠错任务' });
