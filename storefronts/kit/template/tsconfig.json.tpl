{
  "compilerOptions": {
    "target": "ES2022",
    "lib": ["dom", "dom.iterable", "ES2023"],
    "allowJs": false,
    "skipLibCheck": true,
    "strict": true,
    "noUncheckedIndexedAccess": true,
    "noImplicitOverride": true,
    "noFallthroughCasesInSwitch": true,
    "noEmit": true,
    "esModuleInterop": true,
    "module": "esnext",
    "moduleResolution": "bundler",
    "resolveJsonModule": true,
    "isolatedModules": true,
    "verbatimModuleSyntax": true,
    "jsx": "react-jsx",
    "incremental": true,
    "tsBuildInfoFile": ".next/cache/tsconfig.tsbuildinfo",
    "plugins": [
      {
        "name": "next"
      }
    ],
    "paths": {
      "@/*": ["./src/*"],
      "@souk/sdk": ["../../sdk/src/index.ts"],
      "@souk/storefront-kit": ["../kit/src/index.ts"],
      "@souk/storefront-kit/server": ["../kit/src/server/index.ts"],
      "@souk/storefront-kit/client": ["../kit/src/client/index.ts"]
    }
  },
  "include": [
    "next-env.d.ts",
    "src/**/*.ts",
    "src/**/*.tsx",
    ".next/types/**/*.ts",
    "e2e/**/*.ts",
    "next.config.ts",
    ".next/dev/types/**/*.ts"
  ],
  "exclude": ["node_modules"]
}
