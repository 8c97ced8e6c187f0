export default definePageConfig({ navigationBarTitleText: '提需求' });
