import { route } from '../http/handler';
import { CATEGORIES, CATEGORY_TIERS } from '../../shared/categories';
import type { CategoryDto } from '../../shared/api';
import { listCircles } from './store';

export const categories = route({ route: 'GET /categories', fn: 'categories', role: 'PublicReadRole', auth: 'none' }, async () => ({
  items: CATEGORIES.map((c): CategoryDto => ({ ...c, tierName: CATEGORY_TIERS[c.tier] })),
}));

export const circles = route({ route: 'GET /circles', fn: 'circles', role: 'PublicReadRole', auth: 'none' }, async () => ({ items: await listCircles() }));
