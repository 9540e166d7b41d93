/**
 * Fonts for printed documents. The app ships Noto Serif SC (a 宋体-style serif with full GB 18030
 * coverage, including rare place-name characters); an administrator may point at the system's
 * 仿宋/宋体 file instead. pdfkit embeds only the glyphs used, so PDFs stay small.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface FontConfig {
  /** Path of a system 仿宋/宋体 TTF, OTF or TTC, used for body text when set. */
  systemFontPath?: string;
  /** PostScript name of the face inside a .ttc collection (pdfkit cannot guess it), e.g. FangSong. */
  systemFontPostscriptName?: string;
}

export interface FontFace {
  source: Buffer;
  /** Face inside a collection; undefined for single-face files. */
  family?: string;
}

export interface FontSet {
  regular: FontFace;
  bold: FontFace;
}

const faceCache = new Map<string, Buffer>();

function load(path: string): Buffer {
  let buffer = faceCache.get(path);
  if (!buffer) {
    if (!existsSync(path)) throw new Error(`font file not found: ${path}`);
    buffer = readFileSync(path);
    faceCache.set(path, buffer);
  }
  return buffer;
}

/** Directory of the bundled Noto Serif SC TTFs; the package has no exports map, so resolve its manifest. */
export function bundledFontDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
}

export function bundledFontPaths(): { regular: string; bold: string } {
  const dir = bundledFontDir();
  return {
    regular: join(dir, '400Regular', 'NotoSerifSC_400Regular.ttf'),
    bold: join(dir, '700Bold', 'NotoSerifSC_700Bold.ttf'),
  };
}

/**
 * Regular and bold faces. A configured system font replaces the body face only: titles keep the
 * bundled bold, since few systems ship a bold 仿宋.
 */
export function resolveFonts(config: FontConfig = {}): FontSet {
  const bundled = bundledFontPaths();
  const bold: FontFace = { source: load(bundled.bold) };
  if (config.systemFontPath) {
    if (config.systemFontPath.toLowerCase().endsWith('.ttc') && !config.systemFontPostscriptName) {
      throw new Error(`a .ttc font collection needs systemFontPostscriptName: ${config.systemFontPath}`);
    }
    return { regular: { source: load(config.systemFontPath), family: config.systemFontPostscriptName }, bold };
  }
  return { regular: { source: load(bundled.regular) }, bold };
}
