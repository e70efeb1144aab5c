/* A shared object that is not a certval plugin: it exports no certval_plugin_init. */
#include "hooks/certval_plugin.h"

int certval_plugin_initialize(struct certval_plugin_info* info) { /* a near miss, on purpose */
  info->abi_version = CERTVAL_PLUGIN_ABI_VERSION;
  return 0;
}
