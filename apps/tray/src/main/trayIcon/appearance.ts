/**
 * Which icon variant fits the panel the tray sits on. Pure: the platform, the OS dark-mode
 * flag (Electron's nativeTheme.shouldUseDarkColors) and the environment are passed in.
 */
import type { IconAppearance } from './renderTrayIcon.js';

export function panelAppearance(platform: NodeJS.Platform, osUsesDarkColors: boolean, env: Readonly<Record<string, string | undefined>>): IconAppearance {
  // macOS tints template images itself (black on a light menu bar, white on a dark one).
  if (platform === 'darwin') return 'template';
  // GNOME Shell (and Ubuntu's, Unity's, Pantheon's) top bar is dark whatever the app theme.
  if (platform === 'linux' && /\b(gnome|unity|pantheon)\b/i.test(env.XDG_CURRENT_DESKTOP ?? '')) return 'dark';
  // Windows: Electron reports the apps' theme; the taskbar has its own switch ("Windows mode"),
  // which usually matches. KDE, Xfce, Cinnamon… follow the desktop theme.
  return osUsesDarkColors ? 'dark' : 'light';
}
