import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SellerMarkdown } from './markdown';

const html = (text: string) => renderToStaticMarkup(createElement(SellerMarkdown, { text }));

describe('SellerMarkdown', () => {
  it('draws paragraphs, emphasis and lists', () => {
    expect(html('We **mend**, not *replace*.\n\n- soles\n- seams')).toBe(
      '<p>We <strong>mend</strong>, not <em>replace</em>.</p>\n<ul>\n<li>soles</li>\n<li>seams</li>\n</ul>',
    );
  });

  it('leaves raw HTML out, and keeps only a picture’s description', () => {
    const out = html(
      'Hi <script>alert(1)</script><img src=x onerror=alert(1)>\n\n![a cat](https://example.com/cat.png)',
    );
    expect(out).toBe('<p>Hi alert(1)</p>\n<p>a cat</p>');
  });

  it('turns headings into paragraphs and marks links as someone else’s', () => {
    expect(html('# Our story')).toBe('<p>Our story</p>');
    expect(html('[our workshop](https://example.com/w)')).toBe(
      '<p><a href="https://example.com/w" rel="nofollow ugc noopener noreferrer">our workshop</a></p>',
    );
  });

  it('keeps no script link', () => {
    expect(html('[click](javascript:alert(1))')).not.toContain('javascript:');
  });
});
