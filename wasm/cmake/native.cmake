# Native build: Debian's ICU 72.1 (same version as the wasm build), Catch2 tests, the admin CLI.
find_package(PkgConfig REQUIRED)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
if(NOT ICU_icu-uc_VERSION VERSION_EQUAL 72.1)
  message(WARNING "native ICU is ${ICU_icu-uc_VERSION}, the wasm build uses 72.1")
endif()
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Catch2 REQUIRED)
find_package(OpenSSL REQUIRED)
# Debian's libfasttext-dev (0.9.2, the version the wasm build compiles from Debian's source).
pkg_check_modules(FASTTEXT REQUIRED IMPORTED_TARGET fasttext)

target_link_libraries(rgcore PUBLIC PkgConfig::ICU PkgConfig::FASTTEXT nlohmann_json::nlohmann_json)
target_compile_options(rgcore PRIVATE -Wall -Wextra)
if(RG_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
  target_compile_options(rgcore PUBLIC -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(rgcore PUBLIC -fsanitize=address,undefined)
endif()

file(GLOB RG_CLI_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/wasm/cli/*.cpp)
if(RG_CLI_SOURCES)
  add_executable(replyguard ${RG_CLI_SOURCES})
  target_link_libraries(replyguard PRIVATE rgcore OpenSSL::Crypto)
endif()

enable_testing()
file(GLOB_RECURSE RG_TEST_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/unit/*.cpp)
add_executable(rg_tests ${RG_TEST_SOURCES})
target_link_libraries(rg_tests PRIVATE rgcore Catch2::Catch2)
target_compile_definitions(rg_tests PRIVATE RG_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
include(Catch)
catch_discover_tests(rg_tests WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# Benchmarks and reference-check tools: one executable per file, linked to the core.
file(GLOB RG_BENCH_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/bench/*.cpp
     ${PROJECT_SOURCE_DIR}/tests/reference/*.cpp)
foreach(src ${RG_BENCH_SOURCES})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_link_libraries(${name} PRIVATE rgcore)
  target_compile_definitions(${name} PRIVATE RG_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endforeach()
