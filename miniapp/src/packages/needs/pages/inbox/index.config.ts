export default definePageConfig({ navigationBarTitleText: '需求处理' });
