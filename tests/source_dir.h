#pragma once
// The checkout's root (for reading vectors, fixtures and bundles by repository path). Defined in a
// file the build generates (CMakeLists.txt), not as a compile definition, so that ccache can serve
// the test objects to a clone at another path.
const char* rgSourceDir();
#define RG_SOURCE_DIR rgSourceDir()
// The build tree of this configuration (build/wasm: the trimmed ICU data the wasm benchmarks read).
const char* rgBuildDir();
