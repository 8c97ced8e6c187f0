export default definePageConfig({ navigationBarTitleText: '小区体检' });
