/** Packaging: SCORM 1.2 / 2004 4th Edition zips of the built player, and a verifier for any SCORM zip. */
export { analyseManifest, detectVersion, isControlFile, packageIndex, resolveHref, type ManifestAnalysis } from './analyse.js';
export { buildManifest, hrefOf, masteryMeasure, masteryPercent } from './manifest.js';
export { manifestIdentifier, packageMetadata, type PackageMetadata, type ScormVersion } from './metadata.js';
export { checkBuild, listBuildFiles, packageBuild, packageEntries, SCHEMA_SET_OF, zipName, type PackageResult } from './package.js';
export { driverSchema, schemaFiles, SCHEMA_SETS, type SchemaSetId } from './schemas.js';
export { formatReport, verifyPackage, type CheckId, type CheckResult, type VerifyReport } from './verify.js';
export { validateManifestXsd } from './xsd.js';
export { DEFAULT_LIMITS, formatBytes, readZip, type ZipLimits } from './zip-read.js';
export { FIXED_MTIME, writeZip, zipToBuffer, type ZipInput } from './zip-write.js';
