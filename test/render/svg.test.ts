import { describe, expect, it } from 'vitest';
import { counterexampleToDot } from '../../src/render/counterexampleDot.js';
import { dotToSvg } from '../../src/render/svg.js';
import { lassoTrace, SOURCES } from './sampleTraces.js';

describe('dotToSvg', () => {
  it('renders a counterexample to an SVG document with its labels and tooltips', async () => {
    const svg = await dotToSvg(counterexampleToDot(lassoTrace(), SOURCES));
    expect(svg).toMatch(/<svg[\s>]/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    for (const text of ['initial state', 'state 3', 'o1.done = true', '2. Poll', '(not ready)', 'escrow.wf:10', '>loop<']) {
      expect(svg).toContain(text);
    }
    expect(svg).toContain('xlink:title="state 2&#10;escrow = 10');
    expect(svg).toContain('stroke-dasharray');
    expect(svg).not.toMatch(/<image|href="http/);
  });

  it('rejects DOT that Graphviz cannot parse', async () => {
    await expect(dotToSvg('digraph { a -> }')).rejects.toThrow(/syntax error/);
  });

  it('refuses empty input instead of reading standard input', async () => {
    await expect(dotToSvg('  \n')).rejects.toThrow(/empty DOT/);
  });
});
