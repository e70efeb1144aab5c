/* A shared object that is not a certval plugin: it exports no certval_plugin_init. */
#include "certval/hooks/certval_plugin.h"

CERTVAL_PLUGIN_EXPORT const uint32_t certval_plugin_abi_version = CERTVAL_PLUGIN_ABI_VERSION;

int certval_plugin_initialize(struct certval_plugin_info* info) { /* a near miss, on purpose */
  info->name = "near_miss";
  return 0;
}
