// The fuse settings of DESIGN.md §11, in one place: the packaging hook flips them and the
// packaging test reads them back from the packed binary.
'use strict';

/** Fuse name (as in @electron/fuses FuseV1Options) → required state. */
const FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
  // Keeps V8's WebAssembly trap handlers (libsodium runs as WASM); the safer default.
  WasmTrapHandlers: true,
};

module.exports = { FUSES };
