export default definePageConfig({ navigationBarTitleText: '修改网点信息' });
