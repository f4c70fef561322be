import { Graphviz } from '@hpcc-js/wasm-graphviz';

let graphviz: Promise<Graphviz> | undefined;

/**
 * Lays out and draws a DOT graph as SVG with Graphviz compiled to WebAssembly
 * (@hpcc-js/wasm-graphviz ships the wasm inside the package: no browser, no download, works
 * offline). The module is loaded once per process.
 */
export async function renderDotToSvg(dot: string): Promise<string> {
  graphviz ??= Graphviz.load();
  return (await graphviz).dot(dot, 'svg');
}
