/* __TITLE__: start your design here. A small base to build on: a readable page width, a product grid of
   two columns on a phone and more on wider screens, the product page beside its picture on a desktop,
   and form controls and focus rings a keyboard user can see. */
:root {
  --ink: #1c1c21;
  --muted: #5d5e66;
  --line: #e3e3e8;
  --tile: #f3f3f5;
  --focus: #2d4dbb;
  --radius: 10px;
  color-scheme: light;
}

*,
*::before,
*::after {
  box-sizing: border-box;
}

body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  line-height: 1.5;
  color: var(--ink);
}

a {
  color: inherit;
}

:focus-visible {
  outline: 3px solid var(--focus);
  outline-offset: 2px;
}

img {
  max-width: 100%;
  height: auto;
}

/* Off-screen until a keyboard user tabs to it: the first stop of every page jumps past the header. */
.skip-link {
  position: absolute;
  left: 1rem;
  top: -4rem;
  padding: 0.5rem 1rem;
  background: var(--ink);
  color: #fff;
  border-radius: var(--radius);
}

.skip-link:focus {
  top: 0.5rem;
}

main:focus {
  outline: none;
}

.header,
main {
  max-width: 1100px;
  margin: 0 auto;
  padding: 0 1rem;
}

.header {
  display: flex;
  justify-content: space-between;
  align-items: center;
  padding-block: 1rem;
  border-bottom: 1px solid var(--line);
}

.header a {
  text-decoration: none;
  font-weight: 600;
}

.header__logo {
  font-size: 1.25rem;
}

main {
  padding-block: 1.5rem 3rem;
}

h1 {
  font-size: clamp(1.5rem, 4vw, 2.25rem);
  line-height: 1.2;
  margin: 0 0 1rem;
}

.muted {
  color: var(--muted);
}

/* Two columns on a phone, as many 220 px columns as fit above that. */
.grid {
  list-style: none;
  padding: 0;
  margin: 0;
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(min(220px, calc(50% - 0.5rem)), 1fr));
  gap: 1.5rem 1rem;
}

.card a {
  display: block;
  text-decoration: none;
}

.card img {
  display: block;
  width: 100%;
  aspect-ratio: 1;
  object-fit: cover;
  border-radius: var(--radius);
  background: var(--tile);
}

.card__title {
  display: block;
  margin-top: 0.5rem;
  font-weight: 500;
}

.product {
  display: grid;
  gap: 1.5rem 2.5rem;
  align-items: start;
}

@media (min-width: 800px) {
  .product {
    grid-template-columns: 1fr 1fr;
  }
}

.product img {
  display: block;
  width: 100%;
  border-radius: var(--radius);
  background: var(--tile);
}

.product__price {
  font-size: 1.25rem;
  font-weight: 600;
}

form {
  display: grid;
  gap: 0.5rem;
  max-width: 24rem;
}

label {
  font-weight: 600;
}

select,
button {
  font: inherit;
  padding: 0.65rem 0.8rem;
  border: 1px solid var(--line);
  border-radius: var(--radius);
  background: #fff;
}

button {
  background: var(--ink);
  border-color: var(--ink);
  color: #fff;
  font-weight: 600;
  cursor: pointer;
}

button:disabled {
  opacity: 0.6;
  cursor: progress;
}

.lines {
  list-style: none;
  padding: 0;
  margin: 0 0 1rem;
}

.lines li {
  padding: 0.75rem 0;
  border-bottom: 1px solid var(--line);
}
