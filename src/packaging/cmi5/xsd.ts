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
import { xsdFailure, xsdResult, type XsdResult } from '../xsd.ts';
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
    return xsdResult(result, COURSE_STRUCTURE_FILE, COURSE_STRUCTURE_FILE);
  } catch (e) {
    return xsdFailure(e, COURSE_STRUCTURE_FILE, COURSE_STRUCTURE_FILE);
  }
}
