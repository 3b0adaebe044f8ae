// Catch2 v2 entry point for the native unit tests (rg_tests).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
