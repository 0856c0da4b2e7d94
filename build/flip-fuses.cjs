// electron-builder afterPack hook: flip every Electron fuse, failing the build if the
// binary has a fuse this config does not name (strictlyRequireAllFuses).
'use strict';
const path = require('node:path');
const { FUSES } = require('./fuses.cjs');

const EXECUTABLE_SUFFIX = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' };

/** @param {import('app-builder-lib').AfterPackContext} context */
exports.default = async function flipFuses(context) {
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses');
  const { appOutDir, electronPlatformName, packager } = context;
  const name =
    electronPlatformName === 'linux' ? packager.executableName : packager.appInfo.productFilename;
  const binary = path.join(appOutDir, `${name}${EXECUTABLE_SUFFIX[electronPlatformName] ?? ''}`);
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: true };
  for (const [fuse, enabled] of Object.entries(FUSES)) {
    const index = FuseV1Options[fuse];
    if (index === undefined) throw new Error(`unknown Electron fuse ${fuse}`);
    config[index] = enabled;
  }
  config.resetAdHocDarwinSignature = electronPlatformName === 'darwin';
  await flipFuses(binary, config);
};
