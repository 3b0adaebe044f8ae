# Native build: Debian's ICU 72.1 (same version as the wasm build), Catch2 tests, the admin CLI.
find_package(PkgConfig REQUIRED)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
if(NOT ICU_icu-uc_VERSION VERSION_EQUAL 72.1)
  message(WARNING "native ICU is ${ICU_icu-uc_VERSION}, the wasm build uses 72.1")
endif()
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Catch2 REQUIRED)
find_package(OpenSSL REQUIRED)
pkg_check_modules(LIBICAL REQUIRED IMPORTED_TARGET libical)  # `replyguard team import-ics`
# Debian's libfasttext-dev (0.9.2, the version the wasm build compiles from Debian's source).
pkg_check_modules(FASTTEXT REQUIRED IMPORTED_TARGET fasttext)
# Snowball stemmers: Debian's libstemmer (libstemmer-dev), the same Snowball release the wasm build compiles.
find_path(RG_STEMMER_INCLUDE libstemmer.h REQUIRED)
find_library(RG_STEMMER_LIB stemmer REQUIRED)
# Phone numbers: Debian's libphonenumber-dev (8.12.57, the release the wasm build compiles from
# Debian's source, there with its metadata trimmed) on Debian's protobuf (libprotobuf-dev).
find_path(RG_PHONENUMBER_INCLUDE phonenumbers/phonenumberutil.h REQUIRED)
find_library(RG_PHONENUMBER_LIB phonenumber REQUIRED)
pkg_check_modules(PROTOBUF REQUIRED IMPORTED_TARGET protobuf)

target_link_libraries(rgcore PUBLIC PkgConfig::ICU PkgConfig::FASTTEXT nlohmann_json::nlohmann_json ${RG_STEMMER_LIB}
                      ${RG_PHONENUMBER_LIB} PkgConfig::PROTOBUF)
target_include_directories(rgcore PRIVATE ${RG_STEMMER_INCLUDE})
target_compile_options(rgcore PRIVATE -Wall -Wextra)
if(RG_FUZZ AND NOT (RG_SANITIZE AND CMAKE_CXX_COMPILER_ID MATCHES "Clang"))
  message(FATAL_ERROR "RG_FUZZ needs clang and RG_SANITIZE=ON (the native-asan preset)")
endif()
if(RG_SANITIZE)
  set(RG_SANITIZE_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  # With RG_FUZZ the same objects carry libFuzzer's coverage hooks, so the unit tests and the
  # fuzz targets share one sanitizer build of the core (the hooks are no-ops without libFuzzer).
  if(RG_FUZZ)
    list(APPEND RG_SANITIZE_FLAGS -fsanitize=fuzzer-no-link)
  endif()
  add_compile_options(${RG_SANITIZE_FLAGS})
  add_link_options(-fsanitize=address,undefined)
  target_compile_options(rgcore PUBLIC ${RG_SANITIZE_FLAGS})
  target_link_options(rgcore PUBLIC -fsanitize=address,undefined)
endif()

# Precompiled headers for what nearly every file includes (nlohmann/json, ICU, Catch2): parsing
# them once per target instead of once per file. RG_PCH=OFF to compare or to debug includes.
option(RG_PCH "Precompile the nlohmann/json, ICU and Catch2 headers" ON)
set(RG_PCH_CORE <nlohmann/json.hpp> <unicode/unistr.h> <unicode/uchar.h> <unicode/brkiter.h> <unicode/regex.h>
    <algorithm> <memory> <optional> <string> <string_view> <vector>)
if(RG_PCH)
  target_precompile_headers(rgcore PRIVATE ${RG_PCH_CORE})
  # Clang stamps a PCH with its inputs' mtimes, which defeats ccache (a fresh clone has new ones).
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    add_compile_options("SHELL:-Xclang -fno-pch-timestamp")
    target_compile_options(rgcore PRIVATE "SHELL:-Xclang -fno-pch-timestamp")
  endif()
endif()

file(GLOB RG_CLI_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/wasm/cli/*.cpp)
if(RG_CLI_SOURCES)
  add_executable(replyguard ${RG_CLI_SOURCES})
  target_link_libraries(replyguard PRIVATE rgcore OpenSSL::Crypto PkgConfig::LIBICAL)
  if(RG_PCH)
    target_precompile_headers(replyguard PRIVATE <nlohmann/json.hpp> <string> <vector>)
  endif()
endif()

enable_testing()
file(GLOB_RECURSE RG_TEST_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/unit/*.cpp)
add_executable(rg_tests ${RG_TEST_SOURCES})
target_link_libraries(rg_tests PRIVATE rgcore Catch2::Catch2)
target_link_libraries(rg_tests PRIVATE rg_source_dir)
if(RG_PCH)
  target_precompile_headers(rg_tests PRIVATE <catch2/catch.hpp> ${RG_PCH_CORE})
  # main.cpp defines CATCH_CONFIG_MAIN before including Catch2, so it cannot use the header.
  set_source_files_properties(${PROJECT_SOURCE_DIR}/tests/unit/main.cpp PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
endif()
include(Catch)
catch_discover_tests(rg_tests WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# Benchmarks and reference-check tools: one executable per file, linked to the core.
file(GLOB RG_BENCH_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/bench/*.cpp
     ${PROJECT_SOURCE_DIR}/tests/reference/*.cpp)
foreach(src ${RG_BENCH_SOURCES})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_link_libraries(${name} PRIVATE rgcore)
  target_link_libraries(${name} PRIVATE rg_source_dir)
endforeach()

if(RG_FUZZ)
  include(${PROJECT_SOURCE_DIR}/wasm/cmake/fuzz.cmake)
endif()
