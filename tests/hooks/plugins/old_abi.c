/*
 * A plugin built against plugin ABI version 1, before the version symbol: its own copy of that
 * header's struct and init, which wrote the version into the struct. certval must refuse it without
 * calling init (it sets CERTVAL_TEST_PLUGIN_INIT_RAN so a test can tell).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

struct certval_plugin_info_v1 {
  uint32_t abi_version;
  uint32_t host_abi_version;
  const char* name;
  void* state;
  const char* error;
  void* decide;
  const char* check_name;
  void* run;
  void* destroy;
};

__attribute__((visibility("default"))) int certval_plugin_init(
    struct certval_plugin_info_v1* info) {
  setenv("CERTVAL_TEST_PLUGIN_INIT_RAN", "old_abi", 1);
  info->abi_version = 1;
  info->name = "from_the_past";
  return 0;
}
