/**
 * Which icon variant fits the panel the tray sits on. Pure: the platform, the OS dark-mode
 * flag (Electron's nativeTheme.shouldUseDarkColors), the environment and, on Windows, the
 * taskbar's own theme are passed in.
 */
import type { IconAppearance } from './renderTrayIcon.js';

export interface PanelFacts {
  platform: NodeJS.Platform;
  /** nativeTheme.shouldUseDarkColors: the apps' theme. */
  osUsesDarkColors: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Windows: whether the taskbar is light (SystemUsesLightTheme), null when unknown. */
  windowsTaskbarLight?: boolean | null;
}

export function panelAppearance({ platform, osUsesDarkColors, env, windowsTaskbarLight = null }: PanelFacts): IconAppearance {
  // macOS tints template images itself (black on a light menu bar, white on a dark one).
  if (platform === 'darwin') return 'template';
  // Windows has two switches: apps (what Electron reports) and "Windows mode" (taskbar). Their
  // defaults differ on Windows 10 (dark taskbar, light apps), so the taskbar's own one wins.
  if (platform === 'win32' && windowsTaskbarLight !== null) return windowsTaskbarLight ? 'light' : 'dark';
  // GNOME Shell (and Ubuntu's, Unity's, Pantheon's) top bar is dark whatever the app theme.
  if (platform === 'linux' && /\b(gnome|unity|pantheon)\b/i.test(env.XDG_CURRENT_DESKTOP ?? '')) return 'dark';
  // KDE, Xfce, Cinnamon… follow the desktop theme.
  return osUsesDarkColors ? 'dark' : 'light';
}

/** Where Windows keeps the taskbar's theme ("Choose your Windows mode"). */
export const WINDOWS_THEME_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize';

/** `reg query <key> /v SystemUsesLightTheme` output → light (true), dark (false), or null. */
export function parseSystemUsesLightTheme(regOutput: string): boolean | null {
  const match = /SystemUsesLightTheme\s+REG_DWORD\s+0x([0-9a-f]+)/i.exec(regOutput);
  return match ? Number.parseInt(match[1]!, 16) !== 0 : null;
}

/** Reads the Windows taskbar theme with reg.exe; null when it cannot be read (older Windows). */
export async function readWindowsTaskbarLight(run: (file: string, args: string[]) => Promise<string>): Promise<boolean | null> {
  try {
    return parseSystemUsesLightTheme(await run('reg', ['query', WINDOWS_THEME_KEY, '/v', 'SystemUsesLightTheme']));
  } catch {
    return null;
  }
}
