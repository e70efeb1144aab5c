/*
 * A plugin built against a future ABI whose struct is larger: were its init called, it would write
 * past the host's struct (and it sets CERTVAL_TEST_PLUGIN_INIT_RAN so a test can tell). certval
 * must refuse it from its version symbol alone.
 */
#include <stdlib.h>
#include <string.h>

#include "certval/hooks/certval_plugin.h"

struct future_info {
  struct certval_plugin_info base;
  unsigned char added_in_version_43[256];
};

CERTVAL_PLUGIN_EXPORT const uint32_t certval_plugin_abi_version = CERTVAL_PLUGIN_ABI_VERSION + 41;

CERTVAL_PLUGIN_EXPORT int certval_plugin_init(uint32_t host_abi_version,
                                              struct certval_plugin_info* info, size_t info_size) {
  (void)host_abi_version; /* a careless plugin: it trusts the host to agree */
  (void)info_size;
  setenv("CERTVAL_TEST_PLUGIN_INIT_RAN", "wrong_abi", 1);
  info->name = "from_the_future";
  memset(((struct future_info*)info)->added_in_version_43, 0x5a, 256);
  return 0;
}
