/** The Teams app package as a ZIP archive (fflate), with a fixed timestamp so the same input always gives the same archive. */
import { zipSync } from 'fflate';

/** 1980-01-01, the earliest MS-DOS date a ZIP entry can carry: a fixed stamp keeps packages reproducible. */
const FIXED_MTIME = new Date(1980, 0, 1);

/**
 * Builds a ZIP archive of flat files (names without folders, as the Teams package expects), deflated at level 9.
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/apps-package
 * @param {{ name: string, data: Uint8Array }[]} files
 * @returns {Buffer}
 */
export function zipFiles(files) {
  const entries = Object.fromEntries(files.map((file) => [file.name, [file.data, { level: 9, mtime: FIXED_MTIME }]]));
  return Buffer.from(zipSync(entries));
}
