/**
 * Validates a manifest against a SCORM schema set with libxml2 (xmllint compiled to WebAssembly): all
 * in memory, no network, no files written. A driver schema imports every namespace of the set with its
 * schemaLocation, so one run checks imscp, adlcp, imsss, adlseq, adlnav (2004) or imscp, adlcp, imsmd (1.2).
 */
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';
import { driverSchema, validationSchemaFiles, type SchemaSetId } from './schemas.ts';

export interface XsdResult {
  valid: boolean;
  /** One line per problem, `line N: message`. */
  errors: string[];
}

const MANIFEST_NAME = 'imsmanifest.xml';

export async function validateManifestXsd(xml: string, set: SchemaSetId): Promise<XsdResult> {
  const preload = validationSchemaFiles(set)
    .filter((f) => !f.path.includes('/'))
    .map((f) => ({ fileName: f.path, contents: new Uint8Array(f.data) }));
  try {
    const result = await validateXML({
      xml: [{ fileName: MANIFEST_NAME, contents: xml }],
      schema: [{ fileName: 'scorm-driver.xsd', contents: driverSchema(set) }],
      preload,
      maxMemoryPages: 2048, // 128 MiB: room for large manifests
    });
    return xsdResult(result, MANIFEST_NAME, 'the manifest');
  } catch (e) {
    return xsdFailure(e, MANIFEST_NAME, 'the manifest');
  }
}

/** One line per problem in `fileName` (`line N: message`), or what to say when none is named. */
export function xsdResult(result: XMLValidationResult, fileName: string, what: string): XsdResult {
  if (result.valid) return { valid: true, errors: [] };
  const errors = result.errors
    .filter((e) => e.loc?.fileName === fileName || !e.loc)
    .map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${tidy(e.message)}` : tidy(e.message)))
    .filter((m) => m && !/fails to validate$/.test(m));
  return { valid: false, errors: errors.length ? errors : [`${what} does not validate`] };
}

/** xmllint throws when the document cannot even be parsed: its lines, with `file:N:` said as `line N:`. */
export function xsdFailure(e: unknown, fileName: string, what: string): XsdResult {
  const lines = (e instanceof Error ? e.message : String(e))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const at = new RegExp(`^${fileName.replace(/\./g, '\\.')}:(\\d+):`);
  return {
    valid: false,
    errors: lines.length ? lines.slice(0, 20).map((l) => tidy(l.replace(at, 'line $1:'))) : [`xmllint could not read ${what}`],
  };
}

/** `element foo: Schemas validity error : Element '{ns}foo': ...` -> `Element '{ns}foo': ...` */
function tidy(message: string): string {
  return message
    .replace(/^element [^:]+: Schemas validity error : /, '')
    .replace(/^Schemas validity error : /, '')
    .trim();
}
