import Conf from 'conf';
import { FileSettingsStore, type KeyValueFile } from '../../src/core/settings/fileSettingsStore.js';

/** conf is the engine of electron-store (which needs Electron to load): same options, same schema checks. */
export function openWithConf(directory: string): FileSettingsStore {
  return new FileSettingsStore({
    directory,
    open: (o) => new Conf({ cwd: o.cwd, configName: o.name, schema: o.schema, rootSchema: o.rootSchema } as never) as unknown as KeyValueFile,
  });
}
