export default definePageConfig({ navigationBarTitleText: '需求公开数据' });
