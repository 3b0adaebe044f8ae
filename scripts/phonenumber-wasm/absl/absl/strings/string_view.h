#pragma once
#include "absl/strings/std_shim.h"
