export { contrastRatio, hexToRgb, MIN_GRAPHIC_CONTRAST, MIN_TEXT_CONTRAST, relativeLuminance, type Rgb } from './contrast.js';
export { ICON_LEVELS, LEVEL_COLOURS, MARK_COLOURS, PANEL_APPEARANCES, TYPICAL_PANELS, type IconLevel, type PanelAppearance } from './palette.js';
export { decodePng, encodePng, type RgbaImage } from './png.js';
export { figureInk, fitFigure, GRID, renderTrayIcon, type IconAppearance, type IconScale, type PixelBox, type RenderedTrayIcon, type TrayIconRequest } from './renderTrayIcon.js';
