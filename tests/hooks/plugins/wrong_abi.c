/* A plugin built against a future ABI: it must be refused before anything else is read. */
#include <stddef.h>

#include "hooks/certval_plugin.h"

CERTVAL_PLUGIN_EXPORT int certval_plugin_init(struct certval_plugin_info* info) {
  info->abi_version = CERTVAL_PLUGIN_ABI_VERSION + 41;
  info->name = "from_the_future";
  return 0;
}
