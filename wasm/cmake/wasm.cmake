# WebAssembly build: ICU from scripts/icu-wasm/build.sh, plain extern "C" bindings, no eval.
if(NOT EXISTS "${RG_ICU_WASM}/lib/libicuuc.a")
  message(FATAL_ERROR "RG_ICU_WASM='${RG_ICU_WASM}' has no ICU build; run scripts/icu-wasm/build.sh")
endif()
# nlohmann/json is header-only: expose just its directory, not the host's /usr/include.
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/host-include)
file(CREATE_LINK /usr/include/nlohmann ${CMAKE_BINARY_DIR}/host-include/nlohmann SYMBOLIC)

add_library(icu_wasm INTERFACE)
target_include_directories(icu_wasm INTERFACE ${RG_ICU_WASM}/include)
target_compile_definitions(icu_wasm INTERFACE U_STATIC_IMPLEMENTATION U_USING_ICU_NAMESPACE=0)
target_link_libraries(icu_wasm INTERFACE ${RG_ICU_WASM}/lib/libicui18n.a ${RG_ICU_WASM}/lib/libicuuc.a
                      ${RG_ICU_WASM}/lib/libicudata.a)
target_link_libraries(rgcore PUBLIC icu_wasm)
# Snowball's German and English stemmers (scripts/snowball-wasm/build.sh).
if(NOT EXISTS "${RG_SNOWBALL_WASM}/lib/libstemmer.a")
  message(FATAL_ERROR "RG_SNOWBALL_WASM='${RG_SNOWBALL_WASM}' has no Snowball build; run scripts/snowball-wasm/build.sh")
endif()
target_include_directories(rgcore PRIVATE ${RG_SNOWBALL_WASM}/include)
target_link_libraries(rgcore PUBLIC ${RG_SNOWBALL_WASM}/lib/libstemmer.a)
if(NOT EXISTS "${RG_FASTTEXT_WASM}/lib/libfasttext.a")
  message(FATAL_ERROR "RG_FASTTEXT_WASM='${RG_FASTTEXT_WASM}' has no fastText build; run scripts/fasttext-wasm/build.sh")
endif()
add_library(fasttext_wasm INTERFACE)
target_include_directories(fasttext_wasm INTERFACE ${RG_FASTTEXT_WASM}/include)
target_link_libraries(fasttext_wasm INTERFACE ${RG_FASTTEXT_WASM}/lib/libfasttext.a)
target_link_libraries(rgcore PUBLIC fasttext_wasm)
# libphonenumber's core with trimmed metadata and protobuf-lite (scripts/phonenumber-wasm/build.sh).
if(NOT EXISTS "${RG_PHONENUMBER_WASM}/lib/libphonenumber.a" OR NOT EXISTS "${RG_PROTOBUF_WASM}/lib/libprotobuf-lite.a")
  message(FATAL_ERROR "RG_PHONENUMBER_WASM='${RG_PHONENUMBER_WASM}' or RG_PROTOBUF_WASM='${RG_PROTOBUF_WASM}' has no build; "
                      "run scripts/phonenumber-wasm/build.sh")
endif()
add_library(phonenumber_wasm INTERFACE)
target_include_directories(phonenumber_wasm SYSTEM INTERFACE ${RG_PHONENUMBER_WASM}/include ${RG_PROTOBUF_WASM}/include)
target_compile_definitions(phonenumber_wasm INTERFACE I18N_PHONENUMBERS_USE_ICU_REGEXP=1 I18N_PHONENUMBERS_USE_STDMUTEX=1)
target_link_libraries(phonenumber_wasm INTERFACE ${RG_PHONENUMBER_WASM}/lib/libphonenumber.a
                      ${RG_PROTOBUF_WASM}/lib/libprotobuf-lite.a icu_wasm)
target_link_libraries(rgcore PUBLIC phonenumber_wasm)
# Native wasm exceptions: nlohmann/json and the standard library may throw; JS-emulated exceptions
# would route every call through JS trampolines and slow the hot path.
target_compile_options(rgcore PUBLIC -fwasm-exceptions)
target_link_options(rgcore PUBLIC -fwasm-exceptions)
target_include_directories(rgcore SYSTEM PUBLIC ${CMAKE_BINARY_DIR}/host-include)

# The module's size is budgeted (scripts/size-report.sh: 1.65 MB gzipped with glue, data and the default
# model; 600 KB of it for the rules-only core). The build is -O3 (the wasm
# preset): the per-keystroke path needs it, and binaryen's link-time -O3 inlining alone halves the
# check time. Code that runs once per bundle or per escalation is compiled for size. (-Os must not
# reach the link line: emcc keeps its shrink level even when a later -O3 follows.)
file(GLOB_RECURSE RG_COLD_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/wasm/core/escalation/*.cpp
     ${PROJECT_SOURCE_DIR}/wasm/core/policy/*.cpp
     ${PROJECT_SOURCE_DIR}/wasm/core/check/examples.cpp  # a bundle's examples run once, at lint/load time
     ${PROJECT_SOURCE_DIR}/wasm/bindings/*.cpp)
set_source_files_properties(${RG_COLD_SOURCES} PROPERTIES COMPILE_OPTIONS -Os)

# Trimmed ICU data: exactly the items in wasm/icu-data-items.txt. The file must be named
# icudt72l.dat so icupkg writes the item names ICU looks up. --ignore-deps: brkitr/root.res names
# line/sentence rules and dictionaries the core never asks for.
set(RG_DAT_DIR ${CMAKE_BINARY_DIR}/icudata)
set(RG_DAT ${RG_DAT_DIR}/icudt72l.dat)
add_custom_command(OUTPUT ${RG_DAT}
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${RG_DAT_DIR}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${RG_DAT_DIR}/items
  COMMAND icupkg -x ${PROJECT_SOURCE_DIR}/wasm/icu-data-items.txt -d ${RG_DAT_DIR}/items ${RG_ICU_DAT}
  COMMAND icupkg --ignore-deps -a ${PROJECT_SOURCE_DIR}/wasm/icu-data-items.txt -s ${RG_DAT_DIR}/items new ${RG_DAT}
  DEPENDS ${PROJECT_SOURCE_DIR}/wasm/icu-data-items.txt ${RG_ICU_DAT}
  COMMENT "Trimming ICU data to wasm/icu-data-items.txt")
add_custom_target(icudata ALL DEPENDS ${RG_DAT})

# No eval/new Function: the extension's CSP is script-src 'self' 'wasm-unsafe-eval'.
# No node environment: Node tests hand the module its bytes (wasmBinary) like the extension does,
# and emscripten 3.1.6 node code would need __dirname/require, which ES modules lack.
set(RG_WASM_LINK
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createReplyGuardModule
  -sENVIRONMENT=web,worker -sDYNAMIC_EXECUTION=0 -sFILESYSTEM=0
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=16MB -sTOTAL_STACK=1MB
  -sMALLOC=emmalloc  # smaller than dlmalloc; the core allocates little per check
  -sEXPORTED_FUNCTIONS=_malloc,_free -sEXPORTED_RUNTIME_METHODS=HEAPU8,HEAPU16
  -sINCOMING_MODULE_JS_API=wasmBinary,locateFile,print,printErr,onAbort
  -sASSERTIONS=0 -sTEXTDECODER=2)

file(GLOB RG_BINDING_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/wasm/bindings/*.cpp)
add_executable(replyguard_core ${RG_BINDING_SOURCES})
set_target_properties(replyguard_core PROPERTIES SUFFIX ".mjs")
target_link_libraries(replyguard_core PRIVATE rgcore)
target_link_options(replyguard_core PRIVATE ${RG_WASM_LINK})

# Benchmarks run under node with the same input as natively; they read the ICU data from disk.
file(GLOB RG_BENCH_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/bench/*.cpp)
foreach(src ${RG_BENCH_SOURCES})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  set_target_properties(${name} PROPERTIES SUFFIX ".cjs")  # the repo is "type": "module"
  target_link_libraries(${name} PRIVATE rgcore rg_source_dir)
  target_link_options(${name} PRIVATE -sENVIRONMENT=node -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -sTOTAL_STACK=1MB)
endforeach()

# Size report: what the extension ships, gzip -9.
add_custom_target(size_report ALL
  COMMAND sh ${PROJECT_SOURCE_DIR}/scripts/size-report.sh $<TARGET_FILE_DIR:replyguard_core>/replyguard_core.wasm
          $<TARGET_FILE:replyguard_core> ${RG_DAT}
  DEPENDS replyguard_core icudata VERBATIM)
