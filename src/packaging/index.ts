/** Packaging: SCORM 1.2 / 2004 4th Edition zips of the built player, and a verifier for any SCORM zip. */
export { analyseManifest, detectVersion, isControlFile, packageIndex, resolveHref, type ManifestAnalysis } from './analyse.ts';
export { buildManifest, hrefOf, masteryMeasure, masteryPercent } from './manifest.ts';
export { manifestIdentifier, packageMetadata, type PackageMetadata } from './metadata.ts';
export { checkBuild, listBuildFiles, packageBuild, packageEntries, SCHEMA_SET_OF, zipName, type PackageResult } from './package.ts';
export { driverSchema, schemaFiles, SCHEMA_SETS, type SchemaSetId } from './schemas.ts';
export { formatReport, verifyPackage, type CheckId, type CheckResult, type VerifyReport } from './verify.ts';
export { validateManifestXsd } from './xsd.ts';
export { DEFAULT_LIMITS, formatBytes, readZip, type ZipLimits } from './zip-read.ts';
export { FIXED_MTIME, writeZip, zipToBuffer, type ZipInput } from './zip-write.ts';
