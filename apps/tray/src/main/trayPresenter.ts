/**
 * Applies the pure tray description (trayMenu.ts) to Electron's Tray. The Electron objects
 * are passed in; main.ts wires them.
 */
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { TrayModel } from '../core/index.js';
import type { IconAppearance } from './trayIcon/renderTrayIcon.js';
import { trayIconSpec, type TrayIconSpec } from './trayIconSpec.js';
import { buildTrayMenuTemplate, trayIconFile, trayTitle, trayTooltip, type MenuItemSpec, type TrayMenuActions } from './trayMenu.js';

export interface TrayPresenterDeps {
  tray: Tray;
  platform: NodeJS.Platform;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  /** nativeImage.createFromPath(path.join(assetsDir, file)); marked as template on macOS. The fallback. */
  loadIcon: (file: string) => NativeImage;
  /** Draws the icon at run time (level + figure, trayIconImage.ts); the static file is used only if it throws. */
  drawIcon?: (spec: TrayIconSpec, appearance: IconAppearance) => NativeImage;
  /** The panel's appearance now (trayIcon/appearance.ts); call render() again when it changes. */
  appearance?: () => IconAppearance;
  log?: (message: string) => void;
  actions: TrayMenuActions;
  onClick: () => void;
}

export class TrayPresenter {
  private menu: Menu | null = null;
  private lastIcon = '';
  private lastMenuKey = '';

  constructor(private readonly deps: TrayPresenterDeps) {
    // Linux panels (AppIndicator) show only a context menu; elsewhere a click opens the popover
    // and the menu is on right-click.
    if (deps.platform !== 'linux') {
      deps.tray.on('click', () => deps.onClick());
      deps.tray.on('right-click', () => {
        if (this.menu) deps.tray.popUpContextMenu(this.menu);
      });
    }
  }

  render(model: TrayModel, options: { startAtLogin: boolean }): void {
    const { tray, platform } = this.deps;
    this.renderIcon(model);
    if (platform === 'darwin') tray.setTitle(trayTitle(model));
    tray.setToolTip(trayTooltip(model));

    const template = buildTrayMenuTemplate(model, this.deps.actions, options);
    // Rebuilding a menu that is open closes it on some platforms: only when it changed.
    const key = JSON.stringify(template);
    if (key === this.lastMenuKey && this.menu) return;
    this.lastMenuKey = key;
    this.menu = this.deps.buildMenu(toElectron(template));
    if (platform === 'linux') tray.setContextMenu(this.menu);
  }

  private renderIcon(model: TrayModel): void {
    const { drawIcon, appearance, platform } = this.deps;
    const spec = trayIconSpec(model);
    const variant = appearance?.() ?? (platform === 'darwin' ? 'template' : 'light');
    const key = JSON.stringify([spec.level, spec.figure, variant, model.overall]);
    if (key === this.lastIcon) return;
    this.lastIcon = key;
    if (drawIcon) {
      try {
        // macOS shows the figure as the title beside the icon; the template icon carries the level.
        this.deps.tray.setImage(drawIcon(variant === 'template' ? { ...spec, figure: null } : spec, variant));
        return;
      } catch (error) {
        this.deps.log?.(`tray icon: drawing failed (${(error as Error).message}); using the static icon`);
      }
    }
    this.deps.tray.setImage(this.deps.loadIcon(trayIconFile(model.overall, platform)));
  }
}

function toElectron(items: MenuItemSpec[]): MenuItemConstructorOptions[] {
  return items.map((item) => {
    const out: MenuItemConstructorOptions = {};
    if (item.id !== undefined) out.id = item.id;
    if (item.label !== undefined) out.label = item.label;
    if (item.type !== undefined) out.type = item.type;
    if (item.enabled !== undefined) out.enabled = item.enabled;
    if (item.checked !== undefined) out.checked = item.checked;
    if (item.submenu) out.submenu = toElectron(item.submenu);
    const click = item.click;
    if (click) out.click = () => click();
    return out;
  });
}
