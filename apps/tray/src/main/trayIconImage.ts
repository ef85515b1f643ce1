/**
 * Turns the drawn tray icon into an Electron NativeImage with a 1× and a 2× representation
 * (Electron picks the one that fits the display). Electron's nativeImage is passed in.
 */
import type { NativeImage } from 'electron';
import { encodePng } from './trayIcon/png.js';
import { renderTrayIcon, type IconAppearance } from './trayIcon/renderTrayIcon.js';
import type { TrayIconSpec } from './trayIconSpec.js';

export interface NativeImageFactory {
  createEmpty(): NativeImage;
}

export function createTrayImage(images: NativeImageFactory, spec: TrayIconSpec, appearance: IconAppearance): NativeImage {
  const image = images.createEmpty();
  for (const scale of [1, 2] as const) {
    const icon = renderTrayIcon({ level: spec.level, figure: spec.figure, scale, appearance });
    image.addRepresentation({ scaleFactor: scale, width: icon.width, height: icon.height, buffer: encodePng(icon) });
  }
  if (image.isEmpty()) throw new Error('Electron could not read the drawn tray icon');
  if (appearance === 'template') image.setTemplateImage(true);
  return image;
}
