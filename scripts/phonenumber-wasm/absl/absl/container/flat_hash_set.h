#pragma once
#include "absl/container/std_containers.h"
