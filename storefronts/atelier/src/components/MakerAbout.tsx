import type { SellerPage } from '@souk/sdk';
import { reviewCount, sellerPolicies } from '@souk/storefront-kit';
import { SellerMarkdown } from '@souk/storefront-kit/server';

/**
 * A maker's own page, as they wrote it: their story (Markdown, drawn by the kit's `SellerMarkdown`),
 * their policies and links, their rating across their pieces and how long they have sold
 * here. Nothing of it is drawn when the maker has written nothing and has no reviews.
 */
export function MakerAbout({ page }: { page: SellerPage }) {
  const { seller, profile, rating } = page;
  const policies = sellerPolicies(profile.policies);
  const since = new Date(seller.created_at).toLocaleDateString('en-US', { year: 'numeric', month: 'long' });
  return (
    <section
      className={profile.story ? 'about' : 'about about--facts'}
      aria-label={`About ${seller.name}`}
      data-testid="maker-about"
    >
      {profile.story && (
        <div className="about__story">
          <SellerMarkdown text={profile.story} />
        </div>
      )}
      <dl className="about__facts">
        <div>
          <dt>On Atelier since</dt>
          <dd>{since}</dd>
        </div>
        {rating.average !== null && (
          <div>
            <dt>Rated</dt>
            <dd>
              {rating.average.toFixed(1)} out of 5, {reviewCount(rating.count)}
            </dd>
          </div>
        )}
        {policies.map(({ key, label, text }) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
      {profile.links.length > 0 && (
        <ul className="about__links">
          {profile.links.map((link) => (
            <li key={link.url}>
              <a href={link.url} rel="nofollow ugc noopener noreferrer">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
