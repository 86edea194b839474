/* __TITLE__: start your design here. */
body {
  margin: 0 auto;
  max-width: 1100px;
  padding: 1rem;
  font-family: system-ui, sans-serif;
}

.header {
  display: flex;
  justify-content: space-between;
}

.grid {
  list-style: none;
  padding: 0;
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
  gap: 1rem;
}

img {
  max-width: 100%;
  height: auto;
}
