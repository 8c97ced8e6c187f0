export default definePageConfig({ navigationBarTitleText: '圈子体检' });
