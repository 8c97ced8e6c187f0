export default definePageConfig({ navigationBarTitleText: '我的积分存折' });
