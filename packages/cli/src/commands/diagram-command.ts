import { writeFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { toDot, toMermaid } from '@hazardflow/core';
import { type Command, Option } from 'commander';
import { CliError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';
import { displayPath, loadValidPack } from '../load-pack';
import { renderSvg } from '../render-svg';
import { PACK_ARGUMENT_HELP } from '../shipped-pack-names';
import { sayer } from '../terminal';
import type { CommandRunner } from './command-runner';

const FORMATS = ['mermaid', 'svg', 'dot'] as const;
type DiagramFormat = (typeof FORMATS)[number];

/** The format an output file's extension implies, used when `--format` is not given. */
const FORMAT_OF_EXTENSION: Readonly<Record<string, DiagramFormat>> = {
  '.svg': 'svg',
  '.dot': 'dot',
  '.gv': 'dot',
  '.mmd': 'mermaid',
  '.mermaid': 'mermaid',
};

interface DiagramOptions {
  format: DiagramFormat;
  out?: string;
  export?: string;
}

/** `hazardflow diagram <pack>`: the pack's statechart as Mermaid, Graphviz DOT, or SVG laid out by Graphviz. */
export function addDiagramCommand(program: Command, run: CommandRunner): void {
  const command = program
    .command('diagram')
    .description("draw a pack's statechart as Mermaid text, Graphviz DOT, or an SVG image (no browser needed)")
    .argument('<pack>', PACK_ARGUMENT_HELP)
    .addOption(
      new Option('-f, --format <format>', 'output format; when not given, --out with .svg, .dot or .mmd decides')
        .choices(FORMATS)
        .default('mermaid'),
    )
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .option('--export <name>', 'for a module: the export that holds the pack')
    .addHelpText(
      'after',
      `
Exit status: 0 drawn, 1 invalid pack or unwritable file, 2 usage error.

Examples:
  $ hazardflow diagram fire > fire.mmd
  $ hazardflow diagram my-pack.yaml --out my-pack.svg
  $ hazardflow diagram building --format dot | dot -Tpng > building.png`,
    );
  command.action((spec: string, options: DiagramOptions) =>
    run(async (terminal) => {
      const format =
        command.getOptionValueSource('format') === 'default' && options.out !== undefined
          ? (FORMAT_OF_EXTENSION[extensionOf(options.out)] ?? options.format)
          : options.format;
      const { pack } = await loadValidPack(spec, { cwd: terminal.cwd, exportName: options.export });
      const text =
        format === 'mermaid' ? toMermaid(pack) : format === 'dot' ? toDot(pack) : await renderSvg(toDot(pack));
      if (options.out === undefined) {
        terminal.out(text.endsWith('\n') ? text : `${text}\n`);
        return EXIT_CODES.ok;
      }
      const path = isAbsolute(options.out) ? options.out : resolve(terminal.cwd, options.out);
      const shown = displayPath(options.out, path, terminal.cwd);
      try {
        await writeFile(path, text);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new CliError(
          'WRITE_FAILED',
          { zh: `${shown}：无法写入状态图：${reason}`, en: `${shown}: cannot write the diagram: ${reason}` },
          undefined,
          { cause: error },
        );
      }
      const bytes = Buffer.byteLength(text);
      terminal.err(
        sayer(terminal)({
          zh: `已将 ${pack.id}@${pack.version} 的 ${format} 状态图写入 ${shown}（${bytes} 字节）\n`,
          en: `wrote ${format} diagram of ${pack.id}@${pack.version} to ${shown} (${bytes} bytes)\n`,
        }),
      );
      return EXIT_CODES.ok;
    }),
  );
}

function extensionOf(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot < 0 ? '' : file.slice(dot).toLowerCase();
}
