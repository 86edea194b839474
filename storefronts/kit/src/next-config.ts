/**
 * `@souk/storefront-kit/next-config`: the webpack part of every theme's `next.config.ts`. Loaded by
 * Next's config loader (Node), never by a page; it imports nothing, so the loader needs no bundling.
 */

/**
 * V8's explicit compile hint (Chrome 136+; https://v8.dev/blog/explicit-compile-hints): every function
 * of a script starting with this comment is compiled while the script streams in, on a background
 * thread, instead of on the main thread the first time it is called. Other engines ignore a comment.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** The parts of webpack's API used here (Next passes its own webpack in the config's context). */
interface WebpackChunk {
  canBeInitial(): boolean;
  files: Set<string>;
}
/** The parts of a webpack compilation used here (exported for the kit's tests). */
export interface WebpackCompilation {
  chunks: Iterable<WebpackChunk>;
  hooks: {
    processAssets: {
      tap(
        options: { name: string; stage: number },
        fn: (assets: Record<string, { source(): string | Buffer }>) => void,
      ): void;
    };
  };
  updateAsset(file: string, update: object | ((source: unknown) => unknown)): void;
}
/** The parts of a webpack compiler used here. */
export interface WebpackCompiler {
  hooks: { thisCompilation: { tap(name: string, fn: (compilation: WebpackCompilation) => void): void } };
}
interface Webpack {
  Compilation: { PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE: number };
  sources: { ConcatSource: new (...parts: unknown[]) => object };
}
/** What a theme's `webpack(config, context)` receives, as far as the kit reads it. */
export interface WebpackConfigLike {
  resolve: { extensionAlias?: Record<string, string[]> };
  plugins: unknown[];
}
/** The parts of the context Next passes to a config's `webpack` function that the kit reads. */
export interface WebpackContextLike {
  isServer: boolean;
  dev: boolean;
  webpack: Webpack;
}

const PLUGIN = 'souk-compile-hints';

/**
 * Prefixes the browser's initial chunks (the framework, Next's router, layout and page chunks: what
 * every page runs while it starts) with {@link COMPILE_HINT}, after minification (which drops
 * comments). Why: Lighthouse's largest long task on every page was Next's start-up, and most of it was
 * V8 compiling the lazily parsed module factories of React DOM and the router on the main thread;
 * with the hint that compile happens while the script downloads. Chunks loaded later by `import()`
 * (Socket.IO, Firebase, the quick view's picker) keep V8's lazy compile.
 */
function compileHintsPlugin(webpack: Webpack) {
  return {
    apply(compiler: WebpackCompiler) {
      compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
        compilation.hooks.processAssets.tap(
          { name: PLUGIN, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 },
          () => {
            for (const chunk of compilation.chunks) {
              if (!chunk.canBeInitial()) continue;
              for (const file of chunk.files) {
                if (!file.endsWith('.js')) continue;
                compilation.updateAsset(
                  file,
                  (source) => new webpack.sources.ConcatSource(COMPILE_HINT, source),
                );
              }
            }
          },
        );
      });
    },
  };
}

/**
 * A theme's `webpack` option: the SDK's and kit's sources import each other as `./x.js` (Node ESM
 * style), so `.js` resolves to `.ts` first; production browser builds get the compile hints above.
 */
export function storefrontWebpack<C extends WebpackConfigLike>(config: C, context: WebpackContextLike): C {
  config.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'] };
  if (!context.isServer && !context.dev) config.plugins.push(compileHintsPlugin(context.webpack));
  return config;
}
