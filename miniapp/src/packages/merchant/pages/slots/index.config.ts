export default definePageConfig({ navigationBarTitleText: '管理可预约时段' });
