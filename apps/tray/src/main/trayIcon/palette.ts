/**
 * Colours of the tray icon per panel appearance. A colour that stands out on a white menu bar
 * disappears on a black one and the other way round (no colour has 3:1 against both #f3f3f3
 * and #3c3c3c), so each level has a deep shade for light panels and a light tint for dark
 * ones. test/main/trayIcon.test.ts checks every pair against the panels below.
 */
import type { TrayLevel } from '../../shared/bridge.js';

/** The tray levels plus `unknown`: nothing measured yet (before the first poll answers). */
export type IconLevel = TrayLevel | 'unknown';
export const ICON_LEVELS: readonly IconLevel[] = ['ok', 'warning', 'critical', 'paused', 'error', 'unknown'];

export type PanelAppearance = 'light' | 'dark';
export const PANEL_APPEARANCES: readonly PanelAppearance[] = ['light', 'dark'];

/**
 * Typical panel (menu bar / taskbar) colours the icon sits on. Approximations sampled from
 * screenshots of each desktop's default theme; translucent bars (macOS) vary with the
 * wallpaper, hence a darker light value and a lighter dark value as bounds.
 */
export const TYPICAL_PANELS: Readonly<Record<PanelAppearance, ReadonlyArray<{ name: string; hex: string }>>> = {
  light: [
    { name: 'white', hex: '#ffffff' },
    { name: 'Windows 11 light taskbar', hex: '#f3f3f3' },
    { name: 'KDE Breeze light panel', hex: '#eff0f1' },
    { name: 'macOS light menu bar over a grey wallpaper', hex: '#dcdcdc' },
  ],
  dark: [
    { name: 'black (GNOME top bar)', hex: '#000000' },
    { name: 'Windows 11 dark taskbar', hex: '#202020' },
    { name: 'macOS dark menu bar', hex: '#2c2c2c' },
    { name: 'KDE Breeze dark panel', hex: '#31363b' },
    { name: 'Cinnamon / Xfce grey panel', hex: '#3c3c3c' },
  ],
};

export const LEVEL_COLOURS: Readonly<Record<IconLevel, Record<PanelAppearance, string>>> = {
  ok: { light: '#1a7f37', dark: '#3fb950' },
  warning: { light: '#a66f00', dark: '#e3b341' },
  critical: { light: '#c21f2b', dark: '#ff6b61' },
  // Paused stops production traffic: loud, and apart from the quota reds and ambers.
  paused: { light: '#7c3aed', dark: '#c4a5ff' },
  error: { light: '#a3115f', dark: '#ff7ac6' },
  unknown: { light: '#57606a', dark: '#a5adb8' },
};

/** The app's mark (the sound wave of assets/icon.png), in its blue. */
export const MARK_COLOURS: Readonly<Record<PanelAppearance, string>> = { light: '#1f6feb', dark: '#6cb6ff' };

/** Ink of the figure: whichever of these contrasts more with the plate. */
export const FIGURE_INKS = ['#ffffff', '#000000'] as const;
