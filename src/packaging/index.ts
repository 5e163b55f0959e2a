/** Packaging: SCORM 1.2 / 2004 4th Edition zips of the built player, and a verifier for any SCORM zip. */
export { analyseManifest, detectVersion, isControlFile, packageIndex, resolveHref, type ManifestAnalysis } from './analyse';
export { buildManifest, hrefOf, masteryMeasure, masteryPercent } from './manifest';
export { manifestIdentifier, packageMetadata, type PackageMetadata } from './metadata';
export { checkBuild, listBuildFiles, packageBuild, packageEntries, SCHEMA_SET_OF, zipName, type PackageResult } from './package';
export { driverSchema, schemaFiles, SCHEMA_SETS, type SchemaSetId } from './schemas';
export { formatReport, verifyPackage, type CheckId, type CheckResult, type VerifyReport } from './verify';
export { validateManifestXsd } from './xsd';
export { DEFAULT_LIMITS, formatBytes, readZip, type ZipLimits } from './zip-read';
export { FIXED_MTIME, writeZip, zipToBuffer, type ZipInput } from './zip-write';
