// ICU data for the benchmarks under node: in wasm the data is not linked in, so the trimmed .dat
// (build/wasm/icudata, read through NODERAWFS) is handed to ICU. Natively ICU finds its own data.
#pragma once
#include <cstdio>
#include <string>
#include <vector>

#include "../source_dir.h"

#ifdef __EMSCRIPTEN__
#include <unicode/udata.h>
#include <unicode/utypes.h>

inline bool rg_bench_init_icu() {
  const std::string path = std::string(rgBuildDir()) + "/icudata/icudt72l.dat";
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    std::fprintf(stderr, "cannot open ICU data %s\n", path.c_str());
    return false;
  }
  std::fseek(f, 0, SEEK_END);
  long size = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  static std::vector<char> data;  // ICU keeps a pointer to it for the process lifetime
  data.resize(size_t(size));
  size_t got = std::fread(data.data(), 1, data.size(), f);
  std::fclose(f);
  if (got != data.size()) return false;
  UErrorCode status = U_ZERO_ERROR;
  udata_setCommonData(data.data(), &status);
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "udata_setCommonData: %s\n", u_errorName(status));
    return false;
  }
  return true;
}
#endif
