{
  "name": "@souk/storefront-__THEME__",
  "version": "0.1.0",
  "private": true,
  "description": "__TITLE__: a Souk storefront theme on @souk/storefront-kit",
  "license": "Apache-2.0",
  "type": "module",
  "scripts": {
    "dev": "next dev --webpack",
    "build": "next build --webpack",
    "start": "next start",
    "typecheck": "tsc --noEmit -p ."
  },
  "dependencies": {
    "@souk/sdk": "*",
    "@souk/storefront-kit": "*",
    "next": "^16.5.0",
    "react": "^19.3.1",
    "react-dom": "^19.3.1",
    "server-only": "^0.0.1"
  },
  "devDependencies": {
    "@types/react": "^19.3.0",
    "@types/react-dom": "^19.3.0"
  }
}
