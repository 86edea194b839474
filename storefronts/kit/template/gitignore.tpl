.next/
next-env.d.ts
e2e/screenshots/
e2e/.artifacts/
*.tsbuildinfo
