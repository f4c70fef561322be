import { CliError } from './cli-error';

/**
 * Lays out a DOT graph as SVG with Graphviz compiled to WebAssembly (`@hpcc-js/wasm-graphviz`,
 * which inlines the wasm binary): no browser, no system Graphviz, no network. Loaded on first
 * use, so commands that draw nothing do not pay for it.
 */
export async function renderSvg(dot: string): Promise<string> {
  try {
    const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
    const graphviz = await Graphviz.load();
    return graphviz.dot(dot, 'svg');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(
      'RENDER_FAILED',
      { zh: `Graphviz 无法绘制该图：${message}`, en: `Graphviz could not render the diagram: ${message}` },
      undefined,
      { cause: error },
    );
  }
}
