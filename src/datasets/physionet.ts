import { ParameterError } from '../util/errors.js';

/** A PhysioNet database cardiokit knows how to fetch. */
export interface PhysionetDatabase {
  /** cardiokit's name: `ptbdb`, `ptbxl`, `mitdb`. */
  name: string;
  /** PhysioNet's project slug, the folder under `/files/`. */
  slug: string;
  /** Version fetched by default. */
  version: string;
  title: string;
  licence: string;
}

/** The databases `cardiokit download` fetches. */
export const PHYSIONET_DATABASES: Readonly<Record<string, PhysionetDatabase>> = {
  ptbdb: {
    name: 'ptbdb',
    slug: 'ptbdb',
    version: '1.0.0',
    title: 'PTB Diagnostic ECG Database',
    licence: 'ODC-By 1.0',
  },
  ptbxl: {
    name: 'ptbxl',
    slug: 'ptb-xl',
    version: '1.0.3',
    title: 'PTB-XL, a large publicly available electrocardiography dataset',
    licence: 'CC BY 4.0',
  },
  mitdb: {
    name: 'mitdb',
    slug: 'mitdb',
    version: '1.0.0',
    title: 'MIT-BIH Arrhythmia Database',
    licence: 'ODC-By 1.0',
  },
};

/** Where PhysioNet serves project files: `<base>/<slug>/<version>/<file>`. */
export const PHYSIONET_FILES_URL = 'https://physionet.org/files';

/**
 * Looks up a database by cardiokit's name.
 * @param name `ptbdb`, `ptbxl` or `mitdb`
 * @throws ParameterError for any other name, listing the known ones
 */
export function physionetDatabase(name: string): PhysionetDatabase {
  const database = PHYSIONET_DATABASES[name];
  if (!Object.hasOwn(PHYSIONET_DATABASES, name) || database === undefined) {
    throw new ParameterError(
      'database',
      Object.keys(PHYSIONET_DATABASES).join(', '),
      name,
    );
  }
  return database;
}

/**
 * The URL of a database's version folder, ending in `/`.
 * @param database from {@link physionetDatabase}
 * @param version a version such as `1.0.3`; default the database's
 * @param baseUrl the server's files root; default `https://physionet.org/files`
 */
export function databaseUrl(
  database: PhysionetDatabase,
  version = database.version,
  baseUrl = PHYSIONET_FILES_URL,
): string {
  if (!/^\d+(\.\d+)*$/.test(version)) {
    throw new ParameterError('version', 'dotted digits such as 1.0.3', version);
  }
  return `${baseUrl.replace(/\/+$/, '')}/${database.slug}/${version}/`;
}
