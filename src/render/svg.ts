/**
 * DOT → SVG through graphviz-cli's WebAssembly Graphviz, so no system
 * Graphviz is needed. The one asynchronous step in render/.
 */
import { renderGraphFromSource } from 'graphviz-cli';

export async function dotToSvg(dot: string): Promise<string> {
  // graphviz-cli reads standard input when given no input: never let that happen.
  if (dot.trim() === '') throw new Error('dotToSvg: empty DOT source');
  return renderGraphFromSource({ input: dot }, { format: 'svg' });
}
