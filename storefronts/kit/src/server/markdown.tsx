import Markdown, { type Components } from 'react-markdown';

/** What such a text may use: paragraphs, emphasis, lists, quotes, line breaks, links (and pictures, as text). */
const ALLOWED = [
  'p',
  'strong',
  'em',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'img',
];

const asParagraph: Components['h1'] = ({ children }) => <p>{children}</p>;

const COMPONENTS: Components = {
  // The page's outline is the theme's: a heading in the text reads as a paragraph.
  h1: asParagraph,
  h2: asParagraph,
  h3: asParagraph,
  h4: asParagraph,
  h5: asParagraph,
  h6: asParagraph,
  // A picture from another host is not loaded; its description stays as text.
  img: ({ alt }) => alt || null,
  // Links someone else wrote leave the shop: no referrer, no ranking passed on.
  a: ({ href, children }) => (
    <a href={href} rel="nofollow ugc noopener noreferrer">
      {children}
    </a>
  ),
};

/**
 * Markdown a seller wrote (their story on `GET /store/sellers/{idOrHandle}/page`), drawn by a Server
 * Component: no JavaScript reaches the browser for it. Raw HTML in it is left out, never rendered, and
 * a picture is replaced by its description; other elements than paragraphs, emphasis, lists, quotes and links keep only
 * their text; headings become paragraphs; links get `rel="nofollow ugc noopener noreferrer"`, and
 * react-markdown keeps only safe protocols in them.
 */
export function SellerMarkdown({ text }: { text: string }) {
  return (
    <Markdown allowedElements={ALLOWED} unwrapDisallowed skipHtml components={COMPONENTS}>
      {text}
    </Markdown>
  );
}
