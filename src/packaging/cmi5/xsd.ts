/**
 * Validates cmi5.xml against the cmi5 course structure schema with libxml2 (xmllint compiled to
 * WebAssembly), all in memory, as src/packaging/xsd.ts does for SCORM manifests.
 *
 * CourseStructure.xsd beside this file is the schema of the cmi5 specification, unchanged: AICC's
 * CMI-5_Spec_Current, v1/CourseStructure.xsd at commit a384b69 (2024-02-23), Apache License 2.0
 * (see LICENSE-CourseStructure.md). Its namespace is the one every cmi5.xml declares.
 */
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import type { XsdResult } from '../xsd.ts';
import { COURSE_STRUCTURE_FILE } from './course-structure.ts';

let schema: string | undefined;

export function courseStructureSchema(): string {
  return (schema ??= readFileSync(new URL('./CourseStructure.xsd', import.meta.url), 'utf8'));
}

export async function validateCourseStructureXsd(xml: string): Promise<XsdResult> {
  try {
    const result = await validateXML({
      xml: [{ fileName: COURSE_STRUCTURE_FILE, contents: xml }],
      schema: [{ fileName: 'CourseStructure.xsd', contents: courseStructureSchema() }],
      maxMemoryPages: 2048,
    });
    if (result.valid) return { valid: true, errors: [] };
    const errors = result.errors
      .filter((e) => e.loc?.fileName === COURSE_STRUCTURE_FILE || !e.loc)
      .map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${tidy(e.message)}` : tidy(e.message)))
      .filter((m) => m && !/fails to validate$/.test(m));
    return { valid: false, errors: errors.length ? errors : ['cmi5.xml does not validate'] };
  } catch (e) {
    const lines = (e instanceof Error ? e.message : String(e))
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    return {
      valid: false,
      errors: lines.length
        ? lines.slice(0, 20).map((l) => tidy(l.replace(/^cmi5\.xml:(\d+):/, 'line $1:')))
        : ['xmllint could not read cmi5.xml'],
    };
  }
}

function tidy(message: string): string {
  return message
    .replace(/^element [^:]+: Schemas validity error : /, '')
    .replace(/^Schemas validity error : /, '')
    .trim();
}
