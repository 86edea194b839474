import { seo } from '@/lib/seo';

/** robots.txt: everything crawlable (private pages say `noindex` themselves), and the sitemap. */
export default seo.robots;
